using Ratchet.Evaluation;
using Ratchet.Sandbox;

namespace Ratchet.Storage;

/// <summary>Where a candidate stands (a public contract of <c>ratchet candidates</c>).</summary>
public enum CandidateStatus
{
    /// <summary>Awaiting assessment or a decision.</summary>
    Pending,
    /// <summary>The current best.</summary>
    Champion,
    /// <summary>Assessed ok, not the best.</summary>
    Accepted,
    /// <summary>Stopped by a rule, an auditor or a human.</summary>
    Rejected,
    /// <summary>Its outcome was not ok.</summary>
    Failed,
}

/// <summary>Wire names of <see cref="CandidateStatus"/>.</summary>
public static class CandidateStatusNames
{
    private static readonly string[] Names = ["pending", "champion", "accepted", "rejected", "failed"];

    public static string ToWire(this CandidateStatus status) => Names[(int)status];

    public static CandidateStatus Parse(string text)
    {
        var index = Array.IndexOf(Names, text);
        return index >= 0 ? (CandidateStatus)index : throw new FormatException($"unknown candidate status '{text}'");
    }
}

/// <summary>A candidate as stored: its proposal, its assessment and its decision.</summary>
public sealed record CandidateRecord
{
    public required string Id { get; init; }

    /// <summary>Position in the run's decision order (0 = the initial program).</summary>
    public required long Seq { get; init; }

    public required long ProposalIndex { get; init; }

    public required string Label { get; init; }

    public string? Parent { get; init; }

    public required string Operator { get; init; }

    public IReadOnlyDictionary<string, string>? Meta { get; init; }

    /// <summary>Unified diff against the parent.</summary>
    public required string Diff { get; init; }

    /// <summary>Program length in bytes.</summary>
    public long Length { get; init; }

    public required CandidateStatus Status { get; init; }

    public Outcome? Outcome { get; init; }

    public double? Score { get; init; }

    public string? Metrics { get; init; }

    /// <summary>The objective of each visible repeat.</summary>
    public IReadOnlyList<double> RepeatScores { get; init; } = [];

    public double? HoldoutScore { get; init; }

    public HoldoutReport? Holdout { get; init; }

    public IReadOnlyList<string> Reasons { get; init; } = [];

    /// <summary>Every auditor's verdict (pass included), in the order they were given.</summary>
    public IReadOnlyList<Oversight.AuditVerdict> Verdicts { get; init; } = [];

    /// <summary>True when it was ever champion.</summary>
    public bool Promoted { get; init; }

    public ResourceUsage? Resources { get; init; }

    /// <summary>The promotion checks measured for it (holdout aside): re-runs, invariants, results hash.</summary>
    public EvaluationChecks? Checks { get; init; }

    public Artifacts? Artifacts { get; init; }

    public int SandboxRuns { get; init; }

    public double CpuSeconds { get; init; }

    public required string ProposedAt { get; init; }

    public string? EvaluatedAt { get; init; }

    public string? DecidedAt { get; init; }

    /// <summary>True once the assessment is stored (outcome known).</summary>
    public bool IsEvaluated => Outcome is not null;

    /// <summary>True once a decision was applied.</summary>
    public bool IsDecided => Status != CandidateStatus.Pending;
}
