using System.Globalization;
using Ratchet.Sandbox.Native;

namespace Ratchet.Sandbox.Execution;

/// <summary>Turns what Ratchet observed into one <see cref="Termination"/>, by a fixed precedence:
/// Cancelled &gt; SeccompKill &gt; ResultsRefused (OutputLimit when only the size was refused) &gt; ProcessLimit &gt; OutOfMemory &gt; OutputLimit &gt; CpuLimit &gt;
/// WallTimeout &gt; Signaled &gt; Exited. Each detail says how Ratchet knows.</summary>
internal static class TerminationClassifier
{
    public static Verdict Classify(RunFacts facts)
    {
        var seen = facts.Observation;
        var usage = seen.Usage ?? Cgroups.CgroupUsage.None;
        var limits = facts.Limits;
        var killed = seen.Killed is not null;
        var status = killed ? null : facts.CommandStatus;
        int? signal = killed ? Libc.SIGKILL : status is > 128 and <= 192 ? status - 128 : null;

        Verdict Make(Termination termination, string? detail) => new(termination, status, signal, detail);

        if (seen.Killed == KillReason.Cancelled)
        {
            return Make(Termination.Cancelled, $"cancelled by the caller after {Seconds(seen.WallSeconds)}; Ratchet killed the tree");
        }

        if (status == 128 + Libc.SIGSYS)
        {
            return Make(Termination.SeccompKill, "exit status 159 = 128+SIGSYS: the seccomp filter killed a process for a forbidden system call");
        }

        if (facts.ResultsRefusal is { } refusal)
        {
            // Writing past the cap is an output limit; any other refusal (a link, a pipe, ...) is a violation.
            return ResultsValidator.IsSizeRefusal(refusal)
                ? Make(Termination.OutputLimit, $"{refusal}; the results folder's cap is {facts.Limits.OutputBytes} bytes")
                : Make(Termination.ResultsRefused, refusal);
        }

        if (usage.ForksRefused > 0)
        {
            return Make(Termination.ProcessLimit,
                $"pids cgroup refused {usage.ForksRefused} fork(s) (pids.events max; limit {limits.Processes} processes and threads)");
        }

        if (usage.OomKills > 0)
        {
            return Make(Termination.OutOfMemory, $"memory cgroup oom_kill={usage.OomKills} (limit {limits.MemoryMb} MiB)");
        }

        if (OutputDetail(facts, status) is { } output)
        {
            return Make(Termination.OutputLimit, output);
        }

        if (CpuDetail(facts, status, usage.CpuSeconds) is { } cpu)
        {
            return Make(Termination.CpuLimit, cpu);
        }

        if (seen.Killed == KillReason.WallTimeout)
        {
            return Make(Termination.WallTimeout,
                $"wall clock passed the limit of {Seconds(limits.WallSeconds)} (Ratchet's stopwatch: {Seconds(seen.WallSeconds)}); Ratchet killed the tree");
        }

        if (signal is { } number)
        {
            return Make(Termination.Signaled, $"exit status {status} = 128+{number}: the command died from signal {number}");
        }

        return Make(Termination.Exited, facts.CommandStarted ? null : $"bwrap did not start the command (exit status {status})");
    }

    private static string? OutputDetail(RunFacts facts, int? status)
    {
        var seen = facts.Observation;
        var cap = facts.Limits.OutputBytes;
        if (seen.Stdout.Overflowed || seen.Stderr.Overflowed || seen.Killed == KillReason.OutputLimit)
        {
            var stream = seen.Stdout.Overflowed ? "stdout" : "stderr";
            return $"{stream} passed the cap of {cap} bytes (counted by Ratchet); Ratchet killed the tree";
        }

        if (status == 128 + Libc.SIGXFSZ)
        {
            return $"exit status 153 = 128+SIGXFSZ: a file reached RLIMIT_FSIZE ({cap} bytes)";
        }

        return facts.ResultsFull ? $"the results tmpfs is full (size {cap} bytes): writes past it failed" : null;
    }

    private static string? CpuDetail(RunFacts facts, int? status, double cpuSeconds)
    {
        var limit = facts.Limits.CpuSeconds;
        if (facts.Observation.Killed == KillReason.CpuLimit)
        {
            return $"cgroup CPU time {Seconds(cpuSeconds)} passed the limit of {Seconds(limit)}; Ratchet killed the tree";
        }

        if (status == 128 + Libc.SIGXCPU)
        {
            return $"exit status 152 = 128+SIGXCPU: a process passed RLIMIT_CPU ({Seconds(Math.Ceiling(limit) + 1)})";
        }

        return cpuSeconds > limit ? $"cgroup CPU time {Seconds(cpuSeconds)} is over the limit of {Seconds(limit)}" : null;
    }

    private static string Seconds(double value) => value.ToString("0.###", CultureInfo.InvariantCulture) + " s";
}
