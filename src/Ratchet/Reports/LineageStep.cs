namespace Ratchet.Reports;

/// <summary>One ancestor of the champion (or the champion itself) and the operator that made it from its parent.</summary>
/// <param name="Gain">Score gain over the parent, positive = better; null for the root or when a score is missing.</param>
/// <param name="Promoted">True when this step was champion at some point.</param>
public sealed record LineageStep(long Seq, string Id, string Label, string Operator, double? Score, double? Gain, bool Promoted);
