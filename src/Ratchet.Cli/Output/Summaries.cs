using Ratchet.Runs;

namespace Ratchet.Cli.Output;

/// <summary>The JSON shape of a run summary (<c>run --json</c> and the core of <c>status --json</c>).</summary>
internal static class Summaries
{
    public static Dictionary<string, object?> ToJson(RunSummary summary) => new()
    {
        ["state"] = summary.State.ToWire(),
        ["ended_reason"] = summary.EndedReason,
        ["evaluations"] = summary.Evaluations,
        ["pending"] = summary.Pending,
        ["limit"] = summary.EvaluationLimit,
        ["best"] = summary.BestId is null ? null : new { id = summary.BestId, score = summary.BestScore },
        ["outcomes"] = summary.Outcomes,
        ["sandbox_runs"] = summary.SandboxRuns,
        ["cpu_seconds"] = Math.Round(summary.CpuSeconds, 3),
        ["wall_seconds"] = Math.Round(summary.WallSeconds, 3),
    };

    public static string Short(string id) => id[..Math.Min(12, id.Length)];
}
