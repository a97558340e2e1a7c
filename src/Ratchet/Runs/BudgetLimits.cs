using Ratchet.Tasks;

namespace Ratchet.Runs;

/// <summary>The run's effective limits: the smallest of the command line, the task's [budget] and the policy's caps,
/// each remembered with where it came from so the run can say which one ended it.</summary>
public sealed record BudgetLimits(
    (long Value, string Source)? Evaluations,
    (double Value, string Source)? CpuSeconds,
    (double Value, string Source)? WallSeconds)
{
    public static BudgetLimits From(RunOptions options, BudgetSpec budget, Ratchet.Oversight.SlowdownPolicy? policy = null)
    {
        var evaluations = Smallest<long>(
            options.Evaluations is { } n ? (n, $"--evaluations {n}") : null,
            budget.Evaluations is { } b ? (b, $"[budget] evaluations = {b}") : null,
            policy?.MaxEvaluations is { } p ? (p, $"policy [slowdown] max_evaluations = {p}") : null);
        var cpu = Smallest<double>(
            budget.CpuSeconds is { } c ? (c, $"[budget] cpu_seconds = {c}") : null,
            policy?.MaxCpuSeconds is { } pc ? (pc, $"policy [slowdown] max_cpu_seconds = {pc}") : null);
        var wall = Smallest<double>(
            budget.WallSeconds is { } w ? (w, $"[budget] wall_seconds = {w}") : null,
            policy?.MaxWallSeconds is { } pw ? (pw, $"policy [slowdown] max_wall_seconds = {pw}") : null);
        return new BudgetLimits(evaluations, cpu, wall);
    }

    /// <summary>Null while the run may make another proposal, else the reason it may not.</summary>
    public string? Exhausted(long evaluations, double cpuSeconds, double wallSeconds)
    {
        if (Evaluations is { } e && evaluations >= e.Value)
            return $"evaluation limit reached: {evaluations} of {e.Value} ({e.Source})";
        if (CpuSeconds is { } c && cpuSeconds >= c.Value)
            return $"CPU budget spent: {cpuSeconds:0.#} s of {c.Value} s ({c.Source})";
        if (WallSeconds is { } w && wallSeconds >= w.Value)
            return $"wall-time budget spent: {wallSeconds:0.#} s of {w.Value} s ({w.Source})";
        return null;
    }

    private static (T Value, string Source)? Smallest<T>(params (T Value, string Source)?[] limits) where T : IComparable<T>
    {
        (T, string)? best = null;
        foreach (var limit in limits)
        {
            if (limit is { } l && (best is null || l.Value.CompareTo(best.Value.Item1) < 0))
                best = l;
        }
        return best;
    }
}
