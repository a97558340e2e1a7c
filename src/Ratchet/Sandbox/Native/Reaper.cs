using System.Runtime.InteropServices;

namespace Ratchet.Sandbox.Native;

/// <summary>Waits for spawned children on one thread: each child's pidfd joins a poll set, and when it becomes readable
/// (the child has exited) the child is reaped and its task completed. Before this, every launch started a thread of
/// its own just to block in waitpid, and thread creation is a measurable part of a launch's CPU on a small VM.</summary>
/// <remarks>Needs pidfd_open (Linux 5.3); <see cref="Watch"/> returns null where it is missing, and the caller
/// waits on a thread of its own as before. Only children this process spawned itself are handed here, so nobody
/// else reaps them first.</remarks>
internal sealed unsafe partial class Reaper
{
    private const int SYS_pidfd_open = 434;
    private const int EFD_CLOEXEC = 0x80000;
    private const short POLLIN = 1;

    private readonly Lock _lock = new();
    private readonly List<(int Pid, int PidFd, TaskCompletionSource<int> Exited)> _watched = [];
    private readonly int _wake;

    private Reaper(int wake)
    {
        _wake = wake;
        new Thread(Loop) { IsBackground = true, Name = "ratchet-reaper" }.Start();
    }

    /// <summary>The process's reaper, or null where pidfds or eventfds are unavailable.</summary>
    public static Reaper? Shared => LazyShared.Value;

    private static readonly Lazy<Reaper?> LazyShared = new(() =>
    {
        if (!OperatingSystem.IsLinux())
            return null;
        var wake = eventfd(0, EFD_CLOEXEC);
        return wake < 0 ? null : new Reaper(wake);
    });

    /// <summary>Blocks until the child has exited and returns its status the way .NET's Process does.</summary>
    public static int WaitExit(int pid)
    {
        while (true)
        {
            if (Libc.waitpid(pid, out var status, 0) == pid)
            {
                var signal = status & 0x7f;
                return signal == 0 ? (status >> 8) & 0xff : 128 + signal;
            }

            if (Libc.LastErrno() != Libc.EINTR)
            {
                throw new InvalidOperationException($"waitpid({pid}) failed: {Libc.LastError()}");
            }
        }
    }

    /// <summary>A task that completes with <paramref name="pid"/>'s exit status (as <see cref="WaitExit"/> gives it)
    /// once it has been reaped; null when no pidfd could be opened for it.</summary>
    public Task<int>? Watch(int pid)
    {
        var pidFd = (int)syscall(SYS_pidfd_open, pid, 0);
        if (pidFd < 0)
            return null;
        var exited = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
            _watched.Add((pid, pidFd, exited));
        Wake();
        return exited.Task;
    }

    private void Wake()
    {
        ulong one = 1;
        Libc.write(_wake, (byte*)&one, sizeof(ulong));
    }

    private void Loop()
    {
        var polled = new List<(int Pid, int PidFd, TaskCompletionSource<int> Exited)>();
        var fds = new PollFd[16];
        while (true)
        {
            polled.Clear();
            lock (_lock)
                polled.AddRange(_watched);
            if (fds.Length < polled.Count + 1)
                fds = new PollFd[(polled.Count + 1) * 2];
            fds[0] = new PollFd { Fd = _wake, Events = POLLIN };
            for (var i = 0; i < polled.Count; i++)
                fds[i + 1] = new PollFd { Fd = polled[i].PidFd, Events = POLLIN };
            int ready;
            fixed (PollFd* set = fds)
                ready = poll(set, (nuint)(polled.Count + 1), -1);
            if (ready < 0)
                continue;
            if ((fds[0].Revents & POLLIN) != 0)
            {
                ulong drained;
                Libc.read(_wake, (byte*)&drained, sizeof(ulong));
            }
            for (var i = 0; i < polled.Count; i++)
            {
                if (fds[i + 1].Revents == 0)
                    continue;
                var (pid, pidFd, exited) = polled[i];
                lock (_lock)
                    _watched.Remove(polled[i]);
                Libc.close(pidFd);
                try
                {
                    exited.SetResult(WaitExit(pid));
                }
                catch (Exception error)
                {
                    exited.SetException(error);
                }
            }
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int poll(PollFd* fds, nuint count, int timeout);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int eventfd(uint initial, int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint syscall(nint number, int pid, uint flags);
}
