namespace Ratchet.Storage;

/// <summary>A proposal accepted into the run's decision order, about to be stored as a pending candidate.</summary>
public sealed record NewCandidate(
    string Id,
    long Seq,
    long ProposalIndex,
    string Label,
    string? Parent,
    string Operator,
    IReadOnlyDictionary<string, string>? Meta,
    IReadOnlyDictionary<string, string> Files,
    string Diff);
