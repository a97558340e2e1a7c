using System.Globalization;
using System.Text.Json;
using Ratchet.Evaluation;
using Ratchet.Runs;
using Ratchet.Storage;

namespace Ratchet.Reports;

/// <summary>Reads a <see cref="RunReport"/> from a store: candidates in one streamed pass, the ledger in another.</summary>
public static partial class RunReportReader
{
    /// <summary>Reads the report of the run in <paramref name="store"/>; <paramref name="taskName"/> names it when no
    /// run was recorded yet.</summary>
    public static RunReport Read(Store store, string taskName)
    {
        var run = store.GetRun();
        var created = run is null ? (DateTimeOffset?)null : ParseTime(run.Created);
        var ledger = ReadLedger(store);
        var points = new List<EvaluationPoint>();
        var nodes = new Dictionary<string, Node>(StringComparer.Ordinal);
        foreach (var candidate in store.CandidateSummaries())
        {
            var score = candidate.Outcome == Outcome.Ok ? candidate.Score : null;
            var at = candidate.EvaluatedAt is { } evaluated && created is { } start ? Seconds(start, evaluated) : (double?)null;
            points.Add(new EvaluationPoint(candidate.Seq, candidate.Id, candidate.Status.ToWire(), candidate.Outcome?.ToWire(), score, at, candidate.Promoted));
            nodes[candidate.Id] = new Node(candidate.Seq, candidate.Label, candidate.Operator, candidate.Parent, score, candidate.Promoted);
        }
        var history = store.ChampionHistory();
        var champions = history
            .Select(c => new ChampionStep(c.Seq, c.Candidate, c.Score, created is { } start ? Seconds(start, c.At) : 0))
            .ToArray();
        var best = history.Count > 0 ? history[^1].Candidate : null;
        var summary = Summary(store, run, taskName, ledger, best is null ? null : nodes.GetValueOrDefault(best), best);
        return new RunReport(summary, points, champions, Lineage(nodes, best, ledger.Maximize), store.OutcomeCounts(), store.StatusCounts(), ledger.Counts);
    }

    private sealed record Node(long Seq, string Label, string Operator, string? Parent, double? Score, bool Promoted);

    private static ReportSummary Summary(Store store, RunRecord? run, string taskName, LedgerFacts ledger, Node? best, string? bestId)
    {
        var sandbox = ParseSandbox(run?.Sandbox);
        var state = run is null ? "new"
            : (run.State == RunState.Running && !RunLock.IsHeld(store.Directory) ? RunState.Interrupted : run.State).ToWire();
        return new ReportSummary(
            run?.TaskName ?? taskName, state, run?.EndedReason, store.CandidateCount(), bestId, best?.Score, best?.Label,
            ledger.Metric, ledger.Maximize, sandbox.Mode, sandbox.Unsafe, sandbox.Warnings, ledger.Isolation,
            run?.Proposer ?? "", run?.Seed ?? 0, run?.WallSeconds ?? 0, run?.Created ?? "", store.LedgerCount());
    }

    /// <summary>Walks parent links from the champion back to the root (a cycle or a missing parent ends the walk).</summary>
    private static LineageStep[] Lineage(Dictionary<string, Node> nodes, string? champion, bool? maximize)
    {
        var chain = new List<(string Id, Node Node)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var id = champion; id is not null && seen.Add(id) && nodes.TryGetValue(id, out var node); id = node.Parent)
            chain.Add((id, node));
        chain.Reverse();
        var steps = new LineageStep[chain.Count];
        for (var i = 0; i < chain.Count; i++)
        {
            var (id, node) = chain[i];
            var parent = i > 0 ? chain[i - 1].Node.Score : null;
            double? gain = node.Score is { } s && parent is { } p ? (maximize == false ? p - s : s - p) : null;
            steps[i] = new LineageStep(node.Seq, id, node.Label, node.Operator, node.Score, gain, node.Promoted);
        }
        return steps;
    }

    private static (string Mode, bool Unsafe, IReadOnlyList<string> Warnings) ParseSandbox(string? json)
    {
        if (json is null)
            return ("unknown", false, []);
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var mode = root.TryGetProperty("mode", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "unknown";
            var unsafeFlag = root.TryGetProperty("unsafe_no_sandbox", out var u) && u.ValueKind == JsonValueKind.True;
            var warnings = root.TryGetProperty("warnings", out var w) && w.ValueKind == JsonValueKind.Array
                ? w.EnumerateArray().Select(x => x.ToString()).ToArray()
                : [];
            return (mode, unsafeFlag || mode == "none", warnings);
        }
        catch (JsonException)
        {
            return ("unreadable", false, []);
        }
    }

    private static DateTimeOffset? ParseTime(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    private static double Seconds(DateTimeOffset start, string at) =>
        ParseTime(at) is { } t ? Math.Max(0, (t - start).TotalSeconds) : 0;
}
