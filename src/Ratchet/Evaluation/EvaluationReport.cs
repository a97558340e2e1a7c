using Ratchet.Sandbox;

namespace Ratchet.Evaluation;

/// <summary>Everything one candidate's assessment produced: outcome, visible metrics, sealed holdout, resources, artifacts.</summary>
public sealed record EvaluationReport
{
    public required Outcome Outcome { get; init; }

    /// <summary>Why the outcome is what it is, in words (quoted, truncated evidence included).</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];

    /// <summary>The visible objective (mean over repeats) when <see cref="Outcome"/> is ok.</summary>
    public double? Score { get; init; }

    /// <summary>The scorer's JSON object (first repeat) as text, when ok.</summary>
    public string? Metrics { get; init; }

    /// <summary>The objective of each visible repeat.</summary>
    public IReadOnlyList<double> RepeatScores { get; init; } = [];

    /// <summary>The sealed holdout's result; never shown to a proposer.</summary>
    public HoldoutReport? Holdout { get; init; }

    /// <summary>Ratchet's own measurement of the (first) visible run phase.</summary>
    public ResourceUsage Resources { get; init; } = ResourceUsage.Zero;

    /// <summary>Sandboxes started for this assessment (runs, scores, repeats, holdout, re-runs).</summary>
    public int SandboxRuns { get; init; }

    /// <summary>CPU seconds of all those sandboxes together.</summary>
    public double CpuSeconds { get; init; }

    public Artifacts Artifacts { get; init; } = Artifacts.Empty;
}

/// <summary>The sealed holdout's verdict on a candidate. For humans, auditors and tripwires only.</summary>
public sealed record HoldoutReport(Outcome Outcome, double? Score, string? Metrics, IReadOnlyList<string> Reasons);

/// <summary>What the run printed and wrote: kept for humans, never read as metrics.</summary>
public sealed record Artifacts(
    string RunStdoutTail,
    string RunStderrTail,
    string ScoreStdoutTail,
    string ScoreStderrTail,
    IReadOnlyList<ResultFile> Results)
{
    public static Artifacts Empty { get; } = new("", "", "", "", []);
}
