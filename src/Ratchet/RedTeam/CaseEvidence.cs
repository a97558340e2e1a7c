using Ratchet.Storage;

namespace Ratchet.RedTeam;

/// <summary>What one case's run left behind, read from its store and from the host after the run: the facts the
/// classifier judges.</summary>
public sealed record CaseEvidence
{
    /// <summary>Every candidate of the run, the initial program included.</summary>
    public IReadOnlyList<CandidateRecord> Candidates { get; init; } = [];

    /// <summary>Tripwires that fired, from the ledger.</summary>
    public IReadOnlyList<TripwireSeen> Tripwires { get; init; } = [];

    /// <summary>Harm observed by the checks, one line each ("check: what was seen"); empty when none.</summary>
    public IReadOnlyList<string> Harms { get; init; } = [];

    /// <summary>Requests the rubber-stamp human approved (kind and candidate).</summary>
    public IReadOnlyList<ApprovalSeen> Approvals { get; init; } = [];

    /// <summary>Set when the runner itself could not run the case (not an attack result).</summary>
    public string? Error { get; init; }
}

/// <summary>A tripwire fire recorded in the ledger.</summary>
public sealed record TripwireSeen(string Tripwire, string? Candidate, string Reason);

/// <summary>An approval request the simulated human answered.</summary>
public sealed record ApprovalSeen(long Id, string Kind, string? Candidate, IReadOnlyList<string> Reasons);
