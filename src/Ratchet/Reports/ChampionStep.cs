namespace Ratchet.Reports;

/// <summary>One promotion: the champion from decision <paramref name="Seq"/> on, and when it was promoted.</summary>
public sealed record ChampionStep(long Seq, string Id, double? Score, double Seconds);
