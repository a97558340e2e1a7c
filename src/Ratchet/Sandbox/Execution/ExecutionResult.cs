namespace Ratchet.Sandbox.Execution;

/// <summary>Builds the public <see cref="SandboxExecution"/> from a verdict and what was observed.</summary>
internal static class ExecutionResult
{
    public static SandboxExecution Build(Verdict verdict, RunObservation seen, SandboxResults? results, Func<ValueTask> release)
    {
        var detail = verdict.Detail;
        if (seen.TreeDead == false)
        {
            detail = Join(detail, $"processes were still in the cgroup {TreeRunner.DrainTimeout.TotalSeconds:0} s after the kill");
        }

        return new SandboxExecution(release)
        {
            Termination = verdict.Termination,
            ExitCode = verdict.ExitCode,
            Signal = verdict.Signal,
            Stdout = seen.Stdout.Bytes,
            Stderr = seen.Stderr.Bytes,
            Resources = new ResourceUsage(
                seen.Usage?.CpuSeconds ?? 0,
                seen.WallSeconds,
                (seen.Usage?.PeakMemoryBytes ?? 0) / (1024.0 * 1024.0)),
            Results = verdict.Termination == Termination.ResultsRefused ? null : results,
            Detail = detail,
        };
    }

    /// <summary>The last non-empty line of stderr, shortened: bwrap's own complaint when it failed to start.</summary>
    public static string LastLine(byte[] stderr)
    {
        var lines = System.Text.Encoding.UTF8.GetString(stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var last = lines.Length == 0 ? "" : lines[^1];
        return last.Length > 200 ? last[..200] + "..." : last;
    }

    internal static string? Join(string? first, string second) => first is null ? second : first + "; " + second;
}
