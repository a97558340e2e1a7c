using Ratchet.Sandbox.Cgroups;
using Ratchet.Sandbox.Native;

namespace Ratchet.Sandbox.Execution;

/// <summary>Starts a tree, captures its output, enforces wall, CPU, memory, process and output limits from
/// outside, and kills whatever is left of the tree once the command has ended (waiting for it to be gone when
/// asked to prove it).</summary>
internal sealed class TreeRunner(TimeProvider time)
{
    /// <summary>When the cgroup's account is first read after the start, and the shortest time between two reads.</summary>
    internal static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>The longest time between two reads of the account: the interval doubles from <see cref="PollInterval"/>
    /// up to this while the tree runs (a CPU limit in sight brings the next read forward).</summary>
    internal static readonly TimeSpan MaxPollInterval = TimeSpan.FromMilliseconds(400);

    /// <summary>How long a killed tree may take to leave its cgroup before Ratchet gives up waiting.</summary>
    internal static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The longest single wait for the processes a draining cgroup lists to exit before it is looked at again.</summary>
    internal static readonly TimeSpan DrainWait = TimeSpan.FromMilliseconds(50);

    /// <summary>When nothing depends on the tree being gone, how long to wait for end-of-file on its pipes.</summary>
    internal static readonly TimeSpan PipeGrace = TimeSpan.FromSeconds(1);

    /// <param name="proveTreeDead">Wait until the cgroup is empty before returning (results are read next); otherwise
    /// stragglers (bwrap's dying pid 1) are sent SIGKILL and left to finish dying on their own.</param>
    public async Task<RunObservation> RunAsync(LaunchSpec spec, SandboxLimits limits, bool proveTreeDead, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        using var tree = spec.OnLauncherThread ? await LauncherThread.Shared.RunAsync(spec.Start).ConfigureAwait(false) : spec.Start();

        var watch = new Watch(tree.Id, spec, limits, started, tree.Exited, time);
        using var capture = tree.Capture(limits.OutputBytes, watch.Overflowed);
        int exitStatus;
        KillReason? killed;
        using (cancellationToken.Register(() => watch.Kill(KillReason.Cancelled)))
        using (Repeat(watch.FirstCheck, watch.Check))
        {
            exitStatus = await tree.Exited.ConfigureAwait(false);
            killed = watch.Close();
        }

        spec.AfterExit?.Invoke(tree.Id);
        var wall = time.GetElapsedTime(started).TotalSeconds;

        // The command has ended: what is left (bwrap's pid 1, background processes) gets SIGKILL now. The pipes reach
        // end-of-file when the last of them is gone, just before it leaves the cgroup, so wait on that, not a timer.
        var seenEmpty = spec.Cgroup?.KillAll() ?? false;
        capture.GiveUpAfter(proveTreeDead ? DrainTimeout : PipeGrace);
        var output = await Task.WhenAll(capture.Stdout, capture.Stderr).ConfigureAwait(false);
        // Usually the cgroup was empty when the command ended: a process never leaves a cgroup for another, and an
        // empty cgroup gets no new member, so it still is. Otherwise wait for what was killed to be gone.
        bool? treeDead = spec.Cgroup is { } cgroup && proveTreeDead ? seenEmpty || await DrainAsync(cgroup).ConfigureAwait(false) : null;

        // The command's CPU and memory were all charged when it ended; a dying pid 1 adds nothing that matters.
        var usage = spec.Cgroup?.ReadUsage();
        return new RunObservation(exitStatus, killed, output[0], output[1], wall, usage, treeDead);
    }

    /// <summary>Runs the limit checks on the reaper's thread (no timer, no thread-pool hop per check); on a timer
    /// where the reaper is unavailable.</summary>
    private static IDisposable Repeat(TimeSpan first, Func<TimeSpan?> check) =>
        Reaper.Shared?.Repeat(first, check) ?? new TimerRepetition(first, check);

    /// <summary>The delay before the next check: double the last one, at most <see cref="MaxPollInterval"/>, and no later
    /// than the earliest moment the tree could pass its CPU limit (its CPU headroom spread over every CPU it may use),
    /// but never under <see cref="PollInterval"/>. Most runs end within a few checks; a long one is read a few times a
    /// second instead of twenty (each read is a wake-up and four system calls on the reaper thread).</summary>
    internal static TimeSpan NextInterval(TimeSpan last, double? cpuSeconds, double cpuLimit, int cpus)
    {
        var next = last * 2 < MaxPollInterval ? last * 2 : MaxPollInterval;
        if (cpuSeconds is { } used)
        {
            var headroom = TimeSpan.FromSeconds(Math.Max(0, cpuLimit - used) / Math.Max(1, cpus));
            next = headroom < next ? headroom : next;
        }

        return next < PollInterval ? PollInterval : next;
    }

    /// <summary>A limit the cgroup's account shows as passed, in the order the kernel's own signals would matter.</summary>
    internal static KillReason? Breach(CgroupUsage usage, SandboxLimits limits) =>
        usage.ForksRefused > 0 ? KillReason.ProcessLimit
        : usage.OomKills > 0 ? KillReason.OutOfMemory
        : usage.CpuSeconds > limits.CpuSeconds ? KillReason.CpuLimit
        : null;

    /// <summary>One running tree's limits from outside: the first reason to kill it wins, and once the command has
    /// ended (<see cref="Close"/>) nothing more is killed or recorded.</summary>
    private sealed class Watch(int pid, LaunchSpec spec, SandboxLimits limits, long started, Task exited, TimeProvider time)
    {
        private const int Open = -1;
        private const int Closed = int.MaxValue;
        private int _reason = Open;
        private volatile bool _overflowed;
        private volatile Exception? _error;

        /// <summary>The delay before the next check; touched by the checking thread only.</summary>
        private TimeSpan _interval = PollInterval;

        public TimeSpan FirstCheck => Until(PollInterval);

        /// <summary>Output passed the cap: the tree is killed (an output-limit run even when it had just exited).</summary>
        public void Overflowed()
        {
            _overflowed = true;
            Kill(KillReason.OutputLimit);
        }

        public void Kill(KillReason reason)
        {
            if (Interlocked.CompareExchange(ref _reason, (int)reason, Open) == Open)
            {
                spec.KillTree(pid);
            }
        }

        /// <summary>The command has ended: why Ratchet killed it, if it did. Rethrows a failure of a check.</summary>
        public KillReason? Close()
        {
            var reason = Interlocked.CompareExchange(ref _reason, Closed, Open);
            if (_error is { } error)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
            }

            return reason is not (Open or Closed) ? (KillReason)reason : _overflowed ? KillReason.OutputLimit : null;
        }

        /// <summary>Wall clock and the cgroup's account; when to look again, or null once there is nothing to watch.</summary>
        public TimeSpan? Check()
        {
            if (exited.IsCompleted || Volatile.Read(ref _reason) != Open)
            {
                return null;
            }

            try
            {
                if (Until(TimeSpan.MaxValue) <= TimeSpan.Zero)
                {
                    Kill(KillReason.WallTimeout);
                    return null;
                }

                var usage = spec.Cgroup?.ReadUsage();
                if (usage is not null && Breach(usage, limits) is { } reason)
                {
                    Kill(reason);
                    return null;
                }

                _interval = NextInterval(_interval, usage?.CpuSeconds, limits.CpuSeconds, Environment.ProcessorCount);
                return Until(_interval);
            }
            catch (Exception error)
            {
                // Unwatched, the tree must not run on: end it, and let the run fail with the cause.
                _error ??= error;
                try
                {
                    spec.KillTree(pid);
                }
                catch (Exception killError)
                {
                    _error = new AggregateException(error, killError);
                }

                return null;
            }
        }

        /// <summary>The time left on the wall clock, at most <paramref name="cap"/>.</summary>
        private TimeSpan Until(TimeSpan cap)
        {
            var remaining = TimeSpan.FromSeconds(limits.WallSeconds) - time.GetElapsedTime(started);
            return remaining < cap ? remaining : cap;
        }
    }

    /// <summary>A repetition on the runtime's timer, for where the reaper is unavailable.</summary>
    private sealed class TimerRepetition : IDisposable
    {
        private readonly Lock _lock = new();
        private readonly Func<TimeSpan?> _check;
        private readonly Timer _timer;
        private bool _disposed;

        public TimerRepetition(TimeSpan first, Func<TimeSpan?> check)
        {
            _check = check;
            _timer = new Timer(_ => Fire(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _timer.Change(first < TimeSpan.Zero ? TimeSpan.Zero : first, Timeout.InfiniteTimeSpan);
        }

        public void Dispose()
        {
            lock (_lock)
            {
                _disposed = true;
                _timer.Dispose();
            }
        }

        private void Fire()
        {
            lock (_lock)
            {
                if (!_disposed && _check() is { } next)
                {
                    _timer.Change(next < TimeSpan.Zero ? TimeSpan.Zero : next, Timeout.InfiniteTimeSpan);
                }
            }
        }
    }

    /// <summary>Waits until the cgroup is empty, killing whatever is still there. Usually it is empty once the pipes
    /// are closed; otherwise what is left is mostly bwrap's pid 1 finishing its exit (its namespaces are torn down
    /// before it leaves the cgroup), and the wait ends the moment it has, not at the next tick of a timer.</summary>
    private async Task<bool> DrainAsync(SandboxCgroup cgroup)
    {
        var started = time.GetTimestamp();
        while (!cgroup.IsEmpty())
        {
            if (time.GetElapsedTime(started) > DrainTimeout)
            {
                return false;
            }

            cgroup.KillAll();
            var waited = Reaper.Shared is { } reaper && await reaper.Gone(cgroup.Listed(), DrainWait).ConfigureAwait(false);
            if (!waited)
            {
                // Nothing listed was still running (a process between its exit and leaving the list): look again soon.
                await Task.Delay(1).ConfigureAwait(false);
            }
        }

        return true;
    }
}
