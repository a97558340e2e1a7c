namespace Ratchet.Oversight;

/// <summary>Decides, per the policy, whether a promotion goes ahead on its own, waits for a human, waits for a rate cap or
/// cool-down, or is blocked. In order: a rejection blocks; a fired tripwire needs a human at once; then the cool-down
/// and rate caps defer; then the approval rules and checkpoints ask a human; else it is approved automatically.</summary>
public sealed partial class Gate(Policy policy)
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    public Policy Policy { get; } = policy;

    public GateDecision Decide(GateInput input)
    {
        var blocked = input.Verdicts.Where(v => v.Verdict == Verdict.Reject || (v.Verdict == Verdict.Flag && Policy.Auditors.Flag == FlagAction.Reject))
            .Select(v => $"{v.Auditor} {(v.Verdict == Verdict.Reject ? "rejected" : "flagged (the policy rejects flags)")}: {string.Join("; ", v.Reasons)}")
            .ToArray();
        if (blocked.Length > 0)
            return new GateDecision.Blocked(blocked);
        if (input.Fired.Count > 0)
            return new GateDecision.NeedsApproval(input.Fired.Select(f => $"tripwire {f.Tripwire}: {f.Reason}").ToArray());
        if (Deferral(input) is { } defer)
            return defer;
        var reasons = ApprovalReasons(input);
        return reasons.Count > 0 ? new GateDecision.NeedsApproval(reasons) : new GateDecision.AutoApprove();
    }

    private GateDecision.Defer? Deferral(GateInput input)
    {
        var now = input.Promotion.At;
        var slowdown = Policy.Slowdown;
        if (input.LastTripwireAt is { } fired && slowdown.TripwireCooldownSeconds > 0)
        {
            var until = fired + TimeSpan.FromSeconds(slowdown.TripwireCooldownSeconds);
            if (until > now)
                return new GateDecision.Defer(until, null,
                    $"cool-down after a tripwire: no promotion until {until:O} ([slowdown] tripwire_cooldown_seconds = {PolicyFormat.Number(slowdown.TripwireCooldownSeconds)})");
        }
        if (slowdown.MaxPromotionsPerHour is { } perHour)
        {
            var inHour = input.RecentPromotions.Where(p => p.At > now - Hour && p.At <= now).Select(p => p.At).Order().ToArray();
            if (inHour.Length >= perHour)
            {
                var until = inHour[inHour.Length - perHour] + Hour;
                return new GateDecision.Defer(until, null,
                    $"{inHour.Length} promotions in the last hour (limit {perHour} per hour, [slowdown] max_promotions_per_hour); next possible at {until:O}");
            }
        }
        if (slowdown.MaxPromotionsPerEvaluations is { } rate)
        {
            var evaluations = input.Promotion.EvaluationsSoFar;
            var inWindow = input.RecentPromotions.Where(p => p.EvaluationsSoFar > evaluations - rate.PerEvaluations && p.EvaluationsSoFar <= evaluations)
                .Select(p => p.EvaluationsSoFar).Order().ToArray();
            if (inWindow.Length >= rate.Count)
            {
                var until = inWindow[inWindow.Length - rate.Count] + rate.PerEvaluations;
                return new GateDecision.Defer(null, until,
                    $"{inWindow.Length} promotions in the last {rate.PerEvaluations} evaluations (limit {rate.Count}, [slowdown] max_promotions_per_evaluations); next possible after evaluation {until}");
            }
        }
        return null;
    }

    private List<string> ApprovalReasons(GateInput input)
    {
        var p = input.Promotion;
        var approval = Policy.Approval;
        var reasons = new List<string>();
        if (approval.EveryPromotion)
            reasons.Add("the policy asks a human for every promotion ([approval] every_promotion)");
        if (p.IsMeta && approval.EveryMetaChange)
            reasons.Add("a change to the improver itself needs a human ([approval] every_meta_change)");
        if (approval.GainAboveRelative is { } limit)
        {
            if (p.RelativeGain is not { } relative)
                reasons.Add($"the relative gain is unknown (no previous score, or it is 0), so it cannot be shown to be below {PolicyFormat.Number(limit)} ([approval] gain_above_relative)");
            else if (relative > limit)
                reasons.Add($"relative gain {PolicyFormat.Number(relative)} is above {PolicyFormat.Number(limit)} ([approval] gain_above_relative)");
        }
        if (approval.EveryKthPromotion is { } k && p.PromotionNumber % k == 0)
            reasons.Add($"promotion {p.PromotionNumber} is a multiple of {k} ([approval] every_kth_promotion)");
        if (Policy.Slowdown.CheckpointEveryPromotions is { } checkpoint && input.PromotionsSinceCheckpoint + 1 >= checkpoint)
            reasons.Add($"checkpoint: this would be promotion {input.PromotionsSinceCheckpoint + 1} since the last human review (every {checkpoint}, [slowdown] checkpoint_every_promotions)");
        foreach (var flagged in input.Verdicts.Where(v => v.Verdict == Verdict.Flag && Policy.Auditors.Flag == FlagAction.Approve))
            reasons.Add($"{flagged.Auditor} flagged it: {string.Join("; ", flagged.Reasons)}");
        return reasons;
    }
}
