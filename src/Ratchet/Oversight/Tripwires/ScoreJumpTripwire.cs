namespace Ratchet.Oversight;

/// <summary>Fires on a promotion whose gain is at least <c>multiple</c> times the median gain of past promotions (once
/// <c>minHistory</c> promotions happened), or whose relative gain is at least <c>relative</c>. A sudden jump is what a
/// reward hack looks like from the outside.</summary>
public sealed class ScoreJumpTripwire : ITripwire
{
    public const string TripwireName = "score-jump";

    private readonly List<double> _pastGains = [];

    /// <param name="multiple">Limit as a multiple of the median past gain; null switches the rule off.</param>
    /// <param name="relative">Limit on gain / |previous score|; null switches the rule off.</param>
    /// <param name="minHistory">Past promotions needed before the median rule applies.</param>
    public ScoreJumpTripwire(double? multiple, double? relative, int minHistory = 3)
    {
        Multiple = multiple;
        Relative = relative;
        MinHistory = Math.Max(1, minHistory);
    }

    public string Name => TripwireName;

    public double? Multiple { get; }

    public double? Relative { get; }

    public int MinHistory { get; }

    public static ScoreJumpTripwire FromPolicy(TripwirePolicy policy) =>
        new(policy.ScoreJumpMultiple, policy.ScoreJumpRelative, policy.ScoreJumpMinHistory);

    public TripwireFire? Observe(OversightEvent e)
    {
        switch (e)
        {
            case PromotedEvent { Gain: > 0 and var gain } when double.IsFinite(gain):
                _pastGains.Add(gain);
                return null;
            case PromotionProposedEvent proposed:
                var reasons = new List<string>();
                if (Multiple is { } multiple && proposed.Gain is > 0 and var g && _pastGains.Count >= MinHistory)
                {
                    var median = Median(_pastGains);
                    if (median > 0 && g >= multiple * median)
                        reasons.Add($"gain {N(g)} is {N(g / median)}x the median past gain {N(median)} (limit {N(multiple)}x)");
                }
                if (Relative is { } limit && proposed.RelativeGain is { } relative && relative >= limit)
                    reasons.Add($"relative gain {N(relative)} ({N(relative * 100)}%) is at or above the limit {N(limit)}");
                return reasons.Count == 0 ? null : new TripwireFire(Name, string.Join("; ", reasons), proposed.CandidateId);
            default:
                return null;
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static string N(double value) => PolicyFormat.Number(value);
}
