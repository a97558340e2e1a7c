using System.Text.Json.Nodes;
using Ratchet.Runs;

namespace Ratchet.Cli.Output;

/// <summary>The JSON shape of a run summary (<c>run --json</c> and the core of <c>status --json</c>).</summary>
internal static class Summaries
{
    /// <summary>A JSON tree, not an object for the reflection serializer: the summary is the last thing a run prints,
    /// and resolving the serializer's metadata for it cost about 50 ms there (bench/RESULTS.md, "Core").</summary>
    public static JsonObject ToJson(RunSummary summary)
    {
        var outcomes = new JsonObject();
        foreach (var (kind, count) in summary.Outcomes)
            outcomes[kind] = count;
        return new JsonObject
        {
            ["state"] = summary.State.ToWire(),
            ["ended_reason"] = summary.EndedReason,
            ["evaluations"] = summary.Evaluations,
            ["pending"] = summary.Pending,
            ["limit"] = summary.EvaluationLimit,
            ["best"] = summary.BestId is null ? null : new JsonObject { ["id"] = summary.BestId, ["score"] = summary.BestScore },
            ["outcomes"] = outcomes,
            ["sandbox_runs"] = summary.SandboxRuns,
            ["cpu_seconds"] = Math.Round(summary.CpuSeconds, 3),
            ["wall_seconds"] = Math.Round(summary.WallSeconds, 3),
        };
    }

    public static string Short(string id) => id[..Math.Min(12, id.Length)];
}
