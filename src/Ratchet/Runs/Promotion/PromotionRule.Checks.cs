using System.Globalization;

namespace Ratchet.Runs.Promotion;

public sealed partial class PromotionRule
{
    private string MinGainNote => _objective.MinGain > 0 ? Invariant($" (min_gain {_objective.MinGain:G4} included)") : "";

    private PromotionDecision Plain(double incumbent, double candidate, string kind)
    {
        var gain = _objective.Gain(candidate, incumbent);
        if (!double.IsFinite(gain))
            return new PromotionDecision.Reject(Invariant($"the gain of {candidate:G6} over {incumbent:G6} is not a finite number"));
        return _objective.Improves(candidate, incumbent)
            ? new PromotionDecision.Promote(Invariant($"{kind}: {_objective.Metric} {candidate:G6} beats {incumbent:G6} by {gain:G4} (min_gain {_objective.MinGain:G4})"))
            : new PromotionDecision.Reject(Invariant($"{kind}: {_objective.Metric} {candidate:G6} does not beat {incumbent:G6} by more than min_gain {_objective.MinGain:G4} (gain {gain:G4})"));
    }

    /// <summary>Why these scores cannot be compared, or null: none at all, or a NaN or infinity among them.</summary>
    private static string? Problem(string side, IReadOnlyList<double> scores)
    {
        if (scores.Count == 0)
            return $"the {side} scores are empty: an ok assessment has at least one";
        for (var r = 0; r < scores.Count; r++)
        {
            if (!double.IsFinite(scores[r]))
                return $"the {side} score of repeat {r + 1} is {NonFinite(scores[r])}: non-finite scores are never compared";
        }
        return null;
    }

    private static string NonFinite(double value) => double.IsNaN(value) ? "NaN" : value > 0 ? "+infinity" : "-infinity";

    /// <summary>Finite scores can still overflow the mean or the variance (values near 1e308).</summary>
    private static string? OutOfRange(Sample incumbent, Sample candidate) =>
        double.IsFinite(incumbent.Mean) && double.IsFinite(incumbent.Variance) && double.IsFinite(candidate.Mean) && double.IsFinite(candidate.Variance)
            ? null
            : "the scores are too large to average or to test (their mean or variance overflows)";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
