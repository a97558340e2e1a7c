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

    /// <summary>Fresh repeats per side in a confirmation round. Default null: twice the screening repeats
    /// (at least 2), which keeps the power high at the stricter confirmation level.</summary>
    public int? ConfirmationRepeats { get; init; }

    /// <summary>Options covering a run of at most <paramref name="evaluations"/> evaluations (null: no limit known),
    /// never fewer than <see cref="DefaultComparisons"/> comparisons.</summary>
    public static PromotionOptions ForEvaluationLimit(long? evaluations) => new()
    {
        Comparisons = (int)Math.Clamp(evaluations ?? DefaultComparisons, DefaultComparisons, int.MaxValue),
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
