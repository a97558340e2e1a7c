namespace Ratchet.Oversight;

/// <summary>Everything the gate needs to decide one promotion; the controller assembles it from the run's events.</summary>
/// <param name="Promotion">The promotion (its time is "now" for every rule: the gate never reads a clock).</param>
/// <param name="Verdicts">Every auditor verdict on the candidate.</param>
/// <param name="Fired">Tripwires that fired on this promotion's events.</param>
/// <param name="PromotionsSinceCheckpoint">Promotions applied since a human last reviewed the run (approved a promotion or held a checkpoint).</param>
/// <param name="RecentPromotions">Applied promotions of the run, at least those of the last hour and of the last
/// <c>per</c> evaluations of <c>max_promotions_per_evaluations</c>.</param>
/// <param name="LastTripwireAt">When a tripwire last fired before this promotion (<see cref="TripwireSet.LastFireAt"/>), or null.</param>
public sealed record GateInput(
    PromotionProposedEvent Promotion,
    IReadOnlyList<AuditVerdict> Verdicts,
    IReadOnlyList<TripwireFire> Fired,
    int PromotionsSinceCheckpoint,
    IReadOnlyList<PastPromotion> RecentPromotions,
    DateTimeOffset? LastTripwireAt = null);

/// <summary>An applied promotion, for the rate caps.</summary>
public sealed record PastPromotion(DateTimeOffset At, long EvaluationsSoFar);

/// <summary>What a run has used so far, for the policy's compute caps.</summary>
public sealed record RunUsage(long Evaluations, double CpuSeconds, double WallSeconds);
