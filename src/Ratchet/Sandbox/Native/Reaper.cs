using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Ratchet.Sandbox.Native;

/// <summary>Waits for spawned children on one thread: each child's pidfd joins a poll set, and when it becomes readable
/// (the child has exited) the child is reaped and its task completed. The same thread runs the sandbox's periodic
/// checks (<see cref="Repeat"/>) between polls and reads the children's output (<see cref="Capture"/>). Before this,
/// every launch started a thread of its own just to block in waitpid, and every check was a timer that woke the
/// runtime's timer thread to re-arm it and a thread-pool thread to run it: on a small VM those wake-ups were a
/// measurable part of a launch's CPU.</summary>
/// <remarks>Needs pidfd_open (Linux 5.3); <see cref="Watch"/> returns null where it is missing, and the caller
/// waits on a thread of its own as before. Only children this process spawned itself are handed here, so nobody
/// else reaps them first. <see cref="Gone"/> waits for processes that are not its children (a sandbox's dying pid 1)
/// the same way, without reaping them.</remarks>
internal sealed unsafe partial class Reaper
{
    private const int SYS_pidfd_open = 434;
    private const int EFD_CLOEXEC = 0x80000;
    private const short POLLIN = 1;

    private readonly Lock _lock = new();
    private readonly List<Watched> _watched = [];
    private readonly List<Repetition> _repeats = [];
    private readonly int _wake;

    /// <summary>When the loop's poll will time out by itself (<see cref="Stopwatch"/> ticks; long.MaxValue: never);
    /// a repetition due earlier must wake it.</summary>
    private long _sleepsUntil = long.MaxValue;

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
        var watched = new Watched(pid, pidFd, Reap: true, long.MaxValue);
        lock (_lock)
            _watched.Add(watched);
        Wake();
        return watched.Exited.Task;
    }

    /// <summary>Completes once every process of <paramref name="pids"/> has exited (its pidfd readable: it has left
    /// its cgroup too), or after <paramref name="limit"/>, whichever comes first; nothing is reaped. The result is
    /// false when none of them was running when asked (all exited already, or none could be opened): waiting on them
    /// tells the caller nothing, so it should wait some other way.</summary>
    public Task<bool> Gone(IReadOnlyList<int> pids, TimeSpan limit)
    {
        var deadline = Stopwatch.GetTimestamp() + Ticks(limit);
        var waits = new List<Task<int>>();
        foreach (var pid in pids)
        {
            var pidFd = (int)syscall(SYS_pidfd_open, pid, 0);
            if (pidFd < 0)
                continue;
            if (HasExited(pidFd))
            {
                Libc.close(pidFd);
                continue;
            }

            var watched = new Watched(pid, pidFd, Reap: false, deadline);
            lock (_lock)
                _watched.Add(watched);
            waits.Add(watched.Exited.Task);
        }

        if (waits.Count == 0)
            return Task.FromResult(false);
        Wake();
        return Task.WhenAll(waits).ContinueWith(_ => true, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private static bool HasExited(int pidFd)
    {
        var fd = new PollFd { Fd = pidFd, Events = POLLIN };
        return poll(&fd, 1, 0) == 1;
    }

    /// <summary>Runs <paramref name="check"/> on the reaper thread <paramref name="first"/> from now, then again after
    /// whatever delay it returns, until it returns null or the handle is disposed. A check must be quick (it runs
    /// between polls, so while it runs no exit is seen) and should not throw: one that does is dropped.</summary>
    public IDisposable Repeat(TimeSpan first, Func<TimeSpan?> check)
    {
        var repetition = new Repetition(this, check) { Due = Stopwatch.GetTimestamp() + Ticks(first) };
        bool wake;
        lock (_lock)
        {
            _repeats.Add(repetition);
            wake = repetition.Due < _sleepsUntil;
        }

        if (wake)
            Wake();
        return repetition;
    }

    private static long Ticks(TimeSpan delay) => delay <= TimeSpan.Zero ? 0 : (long)(delay.TotalSeconds * Stopwatch.Frequency);

    private void Wake()
    {
        ulong one = 1;
        Libc.write(_wake, (byte*)&one, sizeof(ulong));
    }

    private void Loop()
    {
        var polled = new List<Watched>();
        var reads = new List<PipeRead>();
        var fds = new PollFd[16];
        while (true)
        {
            polled.Clear();
            reads.Clear();
            lock (_lock)
            {
                polled.AddRange(_watched);
                reads.AddRange(_reads);
            }

            EndGivenUp(reads);
            var count = 1 + polled.Count + reads.Count;
            if (fds.Length < count)
                fds = new PollFd[count * 2];
            fds[0] = new PollFd { Fd = _wake, Events = POLLIN };
            for (var i = 0; i < polled.Count; i++)
                fds[1 + i] = new PollFd { Fd = polled[i].PidFd, Events = POLLIN };
            for (var i = 0; i < reads.Count; i++)
                fds[1 + polled.Count + i] = new PollFd { Fd = reads[i].Fd, Events = POLLIN };
            int ready;
            fixed (PollFd* set = fds)
                ready = poll(set, (nuint)count, PollTimeout());
            if (ready < 0)
            {
                RunDue();
                continue;
            }

            if ((fds[0].Revents & POLLIN) != 0)
            {
                ulong drained;
                Libc.read(_wake, (byte*)&drained, sizeof(ulong));
            }

            // Output before exits: a tree's pipes reach end-of-file as it exits, and its runner, woken by the exit,
            // then finds its output complete instead of waiting for it on another wake-up.
            ServeReads(reads, fds, 1 + polled.Count);
            var now = Stopwatch.GetTimestamp();
            for (var i = 0; i < polled.Count; i++)
            {
                var watched = polled[i];
                if (fds[i + 1].Revents == 0 && watched.Deadline > now)
                    continue;
                lock (_lock)
                    _watched.Remove(watched);
                Libc.close(watched.PidFd);
                try
                {
                    watched.Exited.SetResult(watched.Reap ? WaitExit(watched.Pid) : 0);
                }
                catch (Exception error)
                {
                    watched.Exited.SetException(error);
                }
            }

            // After the exits: a check then sees its child's task already completed, not a tree that has just ended.
            RunDue();
        }
    }

    /// <summary>Milliseconds until the earliest repetition or output deadline is due (rounded up), or -1 when none is
    /// waiting.</summary>
    private int PollTimeout()
    {
        var due = long.MaxValue;
        lock (_lock)
        {
            foreach (var repetition in _repeats)
                due = Math.Min(due, repetition.Due);
            foreach (var read in _reads)
                due = Math.Min(due, read.Deadline);
            foreach (var watched in _watched)
                due = Math.Min(due, watched.Deadline);
            _sleepsUntil = due;
        }

        return MillisecondsUntil(due);
    }

    private void RunDue()
    {
        var now = Stopwatch.GetTimestamp();
        List<Repetition>? due = null;
        lock (_lock)
        {
            foreach (var repetition in _repeats)
            {
                if (repetition.Due <= now)
                    (due ??= []).Add(repetition);
            }
        }

        foreach (var repetition in due ?? [])
        {
            TimeSpan? next;
            try
            {
                next = repetition.Check();
            }
            catch (Exception)
            {
                // Catch-all on purpose: this thread must not die, or no exit would be seen again. A check that throws
                // is dropped; checks are written not to (TreeRunner's records its failure for the run).
                next = null;
            }

            if (next is { } delay)
                repetition.Due = Stopwatch.GetTimestamp() + Ticks(delay);
            else
                repetition.Dispose();
        }
    }

    private sealed class Repetition(Reaper reaper, Func<TimeSpan?> check) : IDisposable
    {
        private volatile bool _disposed;

        /// <summary>Written by the reaper thread only (and before the repetition is added).</summary>
        public long Due { get; set; }

        public TimeSpan? Check() => _disposed ? null : check();

        public void Dispose()
        {
            _disposed = true;
            lock (reaper._lock)
                reaper._repeats.Remove(this);
        }
    }

    /// <summary>A process waited for: a child to reap (<paramref name="Reap"/>), or another process whose exit is all
    /// that matters, given up at <paramref name="Deadline"/> (<see cref="Stopwatch"/> ticks).</summary>
    private sealed record Watched(int Pid, int PidFd, bool Reap, long Deadline)
    {
        public TaskCompletionSource<int> Exited { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
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
