namespace Ratchet.Reports;

/// <summary>One candidate on the charts: its place in decision order, when it was assessed and what it scored.</summary>
/// <param name="Seconds">Seconds from the run's creation to the assessment; null while it is pending.</param>
/// <param name="Score">The objective when the outcome was ok; null otherwise.</param>
public sealed record EvaluationPoint(long Seq, string Id, string Status, string? Outcome, double? Score, double? Seconds, bool Promoted);
