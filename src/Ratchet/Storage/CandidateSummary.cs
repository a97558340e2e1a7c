using Ratchet.Evaluation;

namespace Ratchet.Storage;

/// <summary>The few columns of a candidate that charts and tables need, read without its diff, metrics or artifacts.</summary>
public sealed record CandidateSummary(
    string Id,
    long Seq,
    string Label,
    string? Parent,
    string Operator,
    CandidateStatus Status,
    Outcome? Outcome,
    double? Score,
    bool Promoted,
    string? EvaluatedAt);
