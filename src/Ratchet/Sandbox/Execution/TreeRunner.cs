using Ratchet.Sandbox.Cgroups;
using Ratchet.Sandbox.Native;

namespace Ratchet.Sandbox.Execution;

/// <summary>Starts a tree, captures its output, enforces wall, CPU, memory, process and output limits from
/// outside, and kills whatever is left of the tree once the command has ended (waiting for it to be gone when
/// asked to prove it).</summary>
internal sealed class TreeRunner(TimeProvider time)
{
    /// <summary>How often the cgroup's account is read while the tree runs.</summary>
    internal static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>How long a killed tree may take to leave its cgroup before Ratchet gives up waiting.</summary>
    internal static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);

    /// <summary>When nothing depends on the tree being gone, how long to wait for end-of-file on its pipes.</summary>
    internal static readonly TimeSpan PipeGrace = TimeSpan.FromSeconds(1);

    /// <param name="proveTreeDead">Wait until the cgroup is empty before returning (results are read next); otherwise
    /// stragglers (bwrap's dying pid 1) are sent SIGKILL and left to finish dying on their own.</param>
    public async Task<RunObservation> RunAsync(LaunchSpec spec, SandboxLimits limits, bool proveTreeDead, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        using var tree = spec.OnLauncherThread ? await LauncherThread.Shared.RunAsync(spec.Start).ConfigureAwait(false) : spec.Start();

        using var stop = new CancellationTokenSource();
        var overflow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stdout = BoundedCapture.ReadAsync(tree.Stdout, limits.OutputBytes, () => overflow.TrySetResult(), stop.Token);
        var stderr = BoundedCapture.ReadAsync(tree.Stderr, limits.OutputBytes, () => overflow.TrySetResult(), stop.Token);
        var exited = tree.Exited;

        var killed = await WatchAsync(tree.Id, spec, limits, started, exited, overflow.Task, cancellationToken).ConfigureAwait(false);
        var exitStatus = await exited.ConfigureAwait(false);
        spec.AfterExit?.Invoke(tree.Id);
        var wall = time.GetElapsedTime(started).TotalSeconds;

        // The command has ended: what is left (bwrap's pid 1, background processes) gets SIGKILL now. The pipes reach
        // end-of-file when the last of them is gone, just before it leaves the cgroup, so wait on that, not a timer.
        var seenEmpty = spec.Cgroup?.KillAll() ?? false;
        stop.CancelAfter(proveTreeDead ? DrainTimeout : PipeGrace);
        var output = await Task.WhenAll(stdout, stderr).ConfigureAwait(false);
        // Usually the cgroup was empty when the command ended: a process never leaves a cgroup for another, and an
        // empty cgroup gets no new member, so it still is. Otherwise wait for what was killed to be gone.
        bool? treeDead = spec.Cgroup is { } cgroup && proveTreeDead ? seenEmpty || await DrainAsync(cgroup).ConfigureAwait(false) : null;

        // The command's CPU and memory were all charged when it ended; a dying pid 1 adds nothing that matters.
        var usage = spec.Cgroup?.ReadUsage();
        return new RunObservation(exitStatus, killed, output[0], output[1], wall, usage, treeDead);
    }

    private async Task<KillReason?> WatchAsync(
        int pid, LaunchSpec spec, SandboxLimits limits, long started, Task exited, Task overflow, CancellationToken cancellationToken)
    {
        var cancelled = Task.Delay(Timeout.Infinite, cancellationToken);
        using var pause = new CancellationTokenSource();
        try
        {
            while (true)
            {
                var remaining = TimeSpan.FromSeconds(limits.WallSeconds) - time.GetElapsedTime(started);
                if (remaining <= TimeSpan.Zero)
                {
                    return Kill(pid, spec, KillReason.WallTimeout);
                }

                var tick = Task.Delay(remaining < PollInterval ? remaining : PollInterval, time, pause.Token);
                var done = await Task.WhenAny(exited, overflow, cancelled, tick).ConfigureAwait(false);
                if (done == exited)
                {
                    // Output may have passed the cap just before the exit: still an output-limit run.
                    return overflow.IsCompleted ? KillReason.OutputLimit : null;
                }

                if (done == overflow)
                {
                    return Kill(pid, spec, KillReason.OutputLimit);
                }

                if (done == cancelled)
                {
                    return Kill(pid, spec, KillReason.Cancelled);
                }

                if (spec.Cgroup is not null && Breach(spec.Cgroup.ReadUsage(), limits) is { } reason)
                {
                    return Kill(pid, spec, reason);
                }
            }
        }
        finally
        {
            await pause.CancelAsync().ConfigureAwait(false);
        }
    }

    /// <summary>A limit the cgroup's account shows as passed, in the order the kernel's own signals would matter.</summary>
    internal static KillReason? Breach(CgroupUsage usage, SandboxLimits limits) =>
        usage.ForksRefused > 0 ? KillReason.ProcessLimit
        : usage.OomKills > 0 ? KillReason.OutOfMemory
        : usage.CpuSeconds > limits.CpuSeconds ? KillReason.CpuLimit
        : null;

    private static KillReason Kill(int pid, LaunchSpec spec, KillReason reason)
    {
        spec.KillTree(pid);
        return reason;
    }

    /// <summary>Waits until the cgroup is empty (normally it already is, once the pipes are closed), killing
    /// whatever is still there.</summary>
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
            await Task.Delay(1).ConfigureAwait(false);
        }

        return true;
    }
}
