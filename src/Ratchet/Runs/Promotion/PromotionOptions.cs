namespace Ratchet.Runs.Promotion;

/// <summary>Settings of the <see cref="PromotionRule"/> that do not live in <c>[objective]</c>.</summary>
public sealed record PromotionOptions
{
    /// <summary>Default of <see cref="Comparisons"/>.</summary>
    public const int DefaultComparisons = 100;

    /// <summary>How many comparisons the run-wide <c>alpha</c> is spread over (Bonferroni): each comparison may
    /// promote a change that is no better with probability at most <c>alpha / Comparisons</c>. Default 100; pass the
    /// run's evaluation limit when it is larger (see <see cref="ForEvaluationLimit"/>).</summary>
    public int Comparisons { get; init; } = DefaultComparisons;

    /// <summary>Test repeats as pairs when both sides have as many (they were measured on the same seeds, repeat by
    /// repeat); Welch's test otherwise. Default true.</summary>
    public bool Paired { get; init; } = true;

    /// <summary>Fresh repeats per side in a confirmation round. Default null: twice the screening repeats
    /// (at least 2), which keeps the power high at the stricter confirmation level.</summary>
    public int? ConfirmationRepeats { get; init; }

    /// <summary>Upper bound of <see cref="Comparisons"/> chosen by <see cref="ForEvaluationLimit"/>: beyond it the
    /// confirmation level (1/H) costs more power than it buys (measured: with 5 repeats and 2% noise a real 5% gain is
    /// confirmed in about 90% of tries at H = 1000, but often missed at H = 5000).</summary>
    public const int MaxComparisons = 1000;

    /// <summary>Options covering a run of at most <paramref name="evaluations"/> evaluations (null: no limit known),
    /// between <see cref="DefaultComparisons"/> and <see cref="MaxComparisons"/> comparisons. A run with more
    /// comparisons than that keeps the per-comparison bound alpha / H, and its expected number of false promotions is
    /// at most alpha × comparisons / H (docs/promotion.md).</summary>
    public static PromotionOptions ForEvaluationLimit(long? evaluations) => new()
    {
        Comparisons = (int)Math.Clamp(evaluations ?? DefaultComparisons, DefaultComparisons, MaxComparisons),
    };

    /// <summary>Every problem with these options, all at once; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Comparisons < 1)
            errors.Add($"Comparisons must be at least 1 (e.g. 100), found {Comparisons}");
        if (ConfirmationRepeats is < 2)
            errors.Add($"ConfirmationRepeats must be at least 2 (e.g. 10) or null for twice the repeats, found {ConfirmationRepeats}");
        return errors;
    }
}
