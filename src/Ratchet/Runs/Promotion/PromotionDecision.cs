namespace Ratchet.Runs.Promotion;

/// <summary>What the <see cref="PromotionRule"/> decided, with a reason a person can read and the tests behind it.</summary>
public abstract record PromotionDecision(string Reason)
{
    /// <summary>The screening test on the repeats of the candidate's assessment; null for a plain comparison.</summary>
    public TestResult? Screening { get; init; }

    /// <summary>The confirmation test on fresh repeats; null unless a confirmation round was decided.</summary>
    public TestResult? Confirmation { get; init; }

    /// <summary>The candidate becomes champion.</summary>
    public sealed record Promote(string Reason) : PromotionDecision(Reason);

    /// <summary>The candidate stays a non-champion.</summary>
    public sealed record Reject(string Reason) : PromotionDecision(Reason);

    /// <summary>The screening passed: measure the incumbent and the candidate <paramref name="Repeats"/> more times
    /// each on fresh seeds, then ask again with those scores.</summary>
    public sealed record NeedsConfirmation(int Repeats, string Reason) : PromotionDecision(Reason);
}
