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

    /// <summary>SHA-256 of the first visible run's results folder (paths and contents), when it produced one.</summary>
    public string? OutputsHash { get; init; }

    /// <summary>The reproduction re-run (fresh sandbox, different seed), for a would-be champion.</summary>
    public RerunReport? Reproduction { get; init; }

    /// <summary>The same-seed re-run of the run phase, for a would-be champion of a deterministic task.</summary>
    public RerunReport? DeterminismRerun { get; init; }

    /// <summary>The task's invariants, for a would-be champion.</summary>
    public IReadOnlyList<InvariantResult> Invariants { get; init; } = [];

    /// <summary>True when the promotion checks (holdout, re-runs, invariants) were measured.</summary>
    public bool Checked { get; init; }
}

/// <summary>The promotion checks of a report, as stored with the candidate.</summary>
public sealed record EvaluationChecks(bool Checked, string? OutputsHash, RerunReport? Reproduction, RerunReport? DeterminismRerun, IReadOnlyList<InvariantResult> Invariants)
{
    public static EvaluationChecks Of(EvaluationReport report) =>
        new(report.Checked, report.OutputsHash, report.Reproduction, report.DeterminismRerun, report.Invariants);
}

/// <summary>A re-run made for an auditor: its outcome, score (when scored) and results hash.</summary>
public sealed record RerunReport(Outcome Outcome, double? Score, string? OutputsHash, IReadOnlyList<string> Reasons)
{
    /// <summary>The re-run's repeat scores (as many as the assessment's).</summary>
    public IReadOnlyList<double> RepeatScores { get; init; } = [];

    /// <summary>How many re-runs this report covers: for the same-seed check, the runs made up to and including this one.</summary>
    public int Runs { get; init; } = 1;
}

/// <summary>One invariant's verdict on a candidate.</summary>
/// <param name="Detail">The command's output tail (the reason when it failed).</param>
public sealed record InvariantResult(string Name, bool Passed, string Detail);

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
