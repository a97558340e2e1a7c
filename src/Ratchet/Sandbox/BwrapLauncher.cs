using Ratchet.Sandbox.Execution;
using Ratchet.Sandbox.Native;

namespace Ratchet.Sandbox;

/// <summary>Starts bwrap with one spawn and no helper process: the sandbox identity, the rlimits and the cgroups are
/// applied from here, race-free, while bwrap waits for its options.</summary>
/// <remarks>
/// 1. Every descriptor the child gets is opened here, close-on-exec and numbered 10 or above, so no other child
///    started meanwhile inherits it and none is overwritten while the child's descriptors are laid out.
/// 2. When Ratchet is root, the launcher thread switches to the sandbox uid/gid around the spawn
///    (<see cref="ThreadCredentials"/>): bwrap starts as that identity with no capability, as setpriv made it.
/// 3. bwrap's first act (after no_new_privs) is to read its options from fd 8, a pipe; until they arrive it has not
///    forked, so the rlimits (prlimit, still as the sandbox identity) and the cgroup membership (as root again) set
///    on its pid now hold for every process of the sandbox. Only then are the options written.
/// Any failure kills and reaps the half-started bwrap before the error propagates. <see cref="SpawnWaiting"/> takes steps 1
/// and 2 and <see cref="PendingBwrap"/> the rest, so that a launch can be made ahead of need (<see cref="WarmLaunch"/>).</remarks>
internal static class BwrapLauncher
{
    /// <summary>The launcher's environment: bwrap clears it again before the command starts.</summary>
    internal static readonly IReadOnlyList<KeyValuePair<string, string>> LauncherEnvironment = [new("PATH", "/usr/sbin:/usr/bin:/sbin:/bin")];

    /// <summary>Whether this host can launch without the shell and setpriv.</summary>
    public static bool IsAvailable(bool isRoot) => Spawn.IsAvailable && (!isRoot || ThreadCredentials.IsSupported);

    /// <param name="dropToSandboxUser">Ratchet is root: start bwrap as <see cref="BwrapPlan.Uid"/>/<see cref="BwrapPlan.Gid"/>.</param>
    public static LaunchedTree Start(BwrapPlan plan, byte[] options, bool dropToSandboxUser)
    {
        var pending = SpawnWaiting(plan, dropToSandboxUser);
        try
        {
            pending.Join(plan.CgroupProcsFiles);
            return pending.Release(options);
        }
        catch
        {
            pending.Abandon();
            throw;
        }
    }

    /// <summary>Steps 1 and 2: bwrap started, limited, and waiting for its options. Runs on the launcher thread.</summary>
    public static PendingBwrap SpawnWaiting(BwrapPlan plan, bool dropToSandboxUser)
    {
        var owned = new List<int>();
        int? pid = null;
        try
        {
            var seccomp = High(Libc.open(plan.SeccompFile, Libc.O_RDONLY | Libc.O_CLOEXEC, 0), "opening the seccomp filter", owned);
            var status = High(Libc.open(plan.StatusFile, Libc.O_WRONLY | Libc.O_CREAT | Libc.O_TRUNC | Libc.O_CLOEXEC, 0x180), "creating the status file", owned);
            var (argsRead, argsWrite) = Pipe(owned);
            var (stdoutRead, stdoutWrite) = Pipe(owned);
            var (stderrRead, stderrWrite) = Pipe(owned);
            var request = new SpawnRequest(
                BwrapCommandLine.DirectArgv(plan),
                LauncherEnvironment,
                new Dictionary<int, int>
                {
                    [1] = stdoutWrite,
                    [2] = stderrWrite,
                    [BwrapCommandLine.StatusFd] = status,
                    [BwrapCommandLine.ArgsFd] = argsRead,
                    [BwrapCommandLine.SeccompFd] = seccomp,
                },
                CloseFrom: 10,
                WorkingDirectory: "/");
            pid = dropToSandboxUser
                ? ThreadCredentials.RunAs(plan.Uid, plan.Gid, () => SpawnLimited(request, plan.Limits))
                : SpawnLimited(request, plan.Limits);
            foreach (var childEnd in (int[])[seccomp, status, argsRead, stdoutWrite, stderrWrite])
            {
                Close(childEnd, owned);
            }

            owned.Remove(stdoutRead);
            owned.Remove(stderrRead);
            owned.Remove(argsWrite);
            return new PendingBwrap(new SpawnedTree(pid.Value, stdoutRead, stderrRead), argsWrite);
        }
        catch
        {
            if (pid is { } started)
            {
                Libc.kill(started, Libc.SIGKILL);
                Reaper.WaitExit(started);
            }

            throw;
        }
        finally
        {
            foreach (var fd in owned)
            {
                Libc.close(fd);
            }
        }
    }

    /// <summary>Spawns bwrap and sets its rlimits. Called with the sandbox identity when Ratchet is root: prlimit on
    /// another user's process needs CAP_SYS_RESOURCE, which root lacks on some hosts (containers), but a caller whose
    /// real ids match the target's may always lower its limits.</summary>
    internal static int SpawnLimited(SpawnRequest request, SandboxLimits limits)
    {
        var pid = Spawn.Start(request);
        try
        {
            ApplyLimits(pid, limits);
            return pid;
        }
        catch
        {
            Libc.kill(pid, Libc.SIGKILL);
            Reaper.WaitExit(pid);
            throw;
        }
    }

    /// <summary>The same limits the shell launcher sets with ulimit: no core files, open files, file size, CPU time
    /// (soft one second above the limit, hard one more; the cgroup's CPU account is the first line).</summary>
    internal static IReadOnlyList<(int Resource, ulong Soft, ulong Hard)> Rlimits(SandboxLimits limits)
    {
        var cpuSoft = (ulong)Math.Ceiling(limits.CpuSeconds) + 1;
        var fileBytes = (ulong)BwrapCommandLine.FileSizeBlocks(limits) * 512;
        return
        [
            (Libc.RLIMIT_CORE, 0, 0),
            (Libc.RLIMIT_NOFILE, (ulong)limits.OpenFiles, (ulong)limits.OpenFiles),
            (Libc.RLIMIT_FSIZE, fileBytes, fileBytes),
            (Libc.RLIMIT_CPU, cpuSoft, cpuSoft + 1),
        ];
    }

    /// <remarks>posix_spawn returns once the child's exec has replaced its memory, a moment before the kernel commits
    /// the exec's credentials: until then the child's saved uid is still the launcher thread's (root), the ids do
    /// not match and prlimit says EPERM. That state ends within microseconds, so EPERM is retried for up to a second.</remarks>
    private static unsafe void ApplyLimits(int pid, SandboxLimits limits)
    {
        var started = Environment.TickCount64;
        var retries = 0;
        foreach (var (resource, soft, hard) in Rlimits(limits))
        {
            var limit = new Libc.Rlimit { Soft = soft, Hard = hard };
            while (Libc.prlimit(pid, resource, &limit, null) != 0)
            {
                if (Libc.LastErrno() != Libc.EPERM || Environment.TickCount64 - started > 1000)
                {
                    throw new InvalidOperationException($"prlimit({resource}) on bwrap failed: {Libc.LastError()}");
                }

                // Yield once (the exec is usually done by then), then sleep: on a small VM an exec takes a millisecond or
                // two, and spinning through it with sched_yield cost as much CPU again.
                if (++retries > 1)
                    Thread.Sleep(1);
                else
                    Thread.Yield();
            }
        }
    }

    private static (int Read, int Write) Pipe(List<int> owned)
    {
        var (read, write) = Libc.Pipe();
        owned.Add(read);
        owned.Add(write);
        return (High(read, "pipe2", owned), High(write, "pipe2", owned));
    }

    /// <summary>The descriptor, moved to 10 or above when it is below (still close-on-exec), and owned.</summary>
    private static int High(int fd, string what, List<int> owned)
    {
        Libc.Check(fd, what);
        if (!owned.Contains(fd))
        {
            owned.Add(fd);
        }

        if (fd >= 10)
        {
            return fd;
        }

        var moved = Libc.Check(Libc.fcntl(fd, Libc.F_DUPFD_CLOEXEC, 10), what);
        owned.Add(moved);
        Close(fd, owned);
        return moved;
    }

    private static void Close(int fd, List<int> owned)
    {
        owned.Remove(fd);
        Libc.close(fd);
    }
}

/// <summary>A bwrap spawned by <see cref="BwrapLauncher.SpawnWaiting"/>, blocked reading its options: nothing of the sandbox
/// exists yet and nothing runs until <see cref="Release"/>. Owns the write end of its options pipe.</summary>
internal sealed class PendingBwrap(SpawnedTree tree, int argsFd)
{
    private int _argsFd = argsFd;

    public int Pid => tree.Id;

    /// <summary>True when bwrap is gone before its options came (killed, or it failed): the slot is useless.</summary>
    public bool HasExited => tree.Exited.IsCompleted;

    /// <summary>Step 3: puts bwrap's pid in the sandbox's cgroups (as root again). On cgroup v1 each move may wait for
    /// an RCU grace period (milliseconds), which is why a launch made ahead of need does it ahead too.</summary>
    public void Join(IReadOnlyList<string> cgroupProcsFiles)
    {
        foreach (var procs in cgroupProcsFiles)
        {
            Cgroups.KeyedFile.Write(procs, Pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Step 4: writes the options and closes the pipe; bwrap goes on from here.</summary>
    public LaunchedTree Release(byte[] options)
    {
        var fd = Interlocked.Exchange(ref _argsFd, -1);
        if (fd < 0)
        {
            throw new InvalidOperationException("this bwrap was already released or abandoned");
        }

        try
        {
            if (!Libc.WriteAll(fd, options))
            {
                throw new InvalidOperationException($"writing bwrap's options failed: {Libc.LastError()}");
            }
        }
        finally
        {
            Libc.close(fd);
        }

        return tree;
    }

    /// <summary>Kills and reaps bwrap (before closing the pipe, so it never reads an empty option list) and closes
    /// everything it held. Does nothing once released: the tree is then the runner's.</summary>
    public void Abandon()
    {
        var fd = Interlocked.Exchange(ref _argsFd, -1);
        if (fd < 0)
        {
            return;
        }

        Libc.kill(Pid, Libc.SIGKILL);
        Libc.close(fd);
        try
        {
            tree.Exited.Wait();
        }
        catch (AggregateException)
        {
            // waitpid failed: the child is gone either way.
        }

        tree.Dispose();
    }
}
