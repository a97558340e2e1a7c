namespace Ratchet.Runs.Promotion;

/// <summary>A confirmation round: the incumbent and the candidate measured again on the same fresh seeds.</summary>
public sealed record ConfirmationScores(IReadOnlyList<double> Incumbent, IReadOnlyList<double> Candidate);
