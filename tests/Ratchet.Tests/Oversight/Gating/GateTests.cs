using Ratchet.Oversight;

namespace Ratchet.Tests.Oversight.Gating;

public sealed class GateTests
{
    private static readonly DateTimeOffset Now = EventLog.Start.AddHours(5);

    [Theory]
    // preset, relative gain, expected decision
    [InlineData("collaborate", 0.001, "NeedsApproval")]
    [InlineData("collaborate", 0.5, "NeedsApproval")]
    [InlineData("vet", 0.005, "AutoApprove")]
    [InlineData("vet", 0.02, "NeedsApproval")]
    [InlineData("delegate", 0.05, "AutoApprove")]
    [InlineData("delegate", 0.2, "NeedsApproval")]
    [InlineData("recursive", 0.05, "AutoApprove")]
    [InlineData("recursive", 0.2, "AutoApprove")]
    public void Decide_AnOrdinaryPromotion_FollowsThePreset(string preset, double relativeGain, string expected)
    {
        var decision = new Gate(Presets.Get(preset)).Decide(Input(Promotion(relativeGain)));

        Assert.Equal(expected, decision.GetType().Name);
    }

    [Theory]
    [InlineData("collaborate")]
    [InlineData("vet")]
    [InlineData("delegate")]
    [InlineData("recursive")]
    public void Decide_WhenATripwireFired_AlwaysNeedsAHuman(string preset)
    {
        var fire = new TripwireFire("score-jump", "gain 0.83 is 41.5x the median past gain 0.02 (limit 10x)", "c");

        var decision = new Gate(Presets.Get(preset)).Decide(Input(Promotion(0.001)) with { Fired = [fire] });

        var approval = Assert.IsType<GateDecision.NeedsApproval>(decision);
        Assert.Equal("tripwire score-jump: gain 0.83 is 41.5x the median past gain 0.02 (limit 10x)", approval.Reasons.Single());
    }

    [Theory]
    [InlineData("collaborate")]
    [InlineData("vet")]
    [InlineData("delegate")]
    [InlineData("recursive")]
    public void Decide_AMetaLevelChange_AlwaysNeedsAHumanUnderThePresets(string preset)
    {
        var decision = new Gate(Presets.Get(preset)).Decide(Input(Promotion(0.001) with { IsMeta = true }));

        Assert.IsType<GateDecision.NeedsApproval>(decision);
    }

    [Theory]
    [InlineData(23, "AutoApprove")]
    [InlineData(24, "NeedsApproval")]
    public void Decide_UnderRecursive_HoldsACheckpointEveryTwentyFivePromotions(int sinceCheckpoint, string expected)
    {
        var decision = new Gate(Presets.Get("recursive")).Decide(Input(Promotion(0.01)) with { PromotionsSinceCheckpoint = sinceCheckpoint });

        Assert.Equal(expected, decision.GetType().Name);
    }

    [Fact]
    public void Decide_WhenTheRelativeGainIsUnknown_AsksAHumanUnderDelegate()
    {
        var decision = new Gate(Presets.Get("delegate")).Decide(Input(Promotion(0.01) with { RelativeGain = null }));

        Assert.Contains("unknown", Assert.IsType<GateDecision.NeedsApproval>(decision).Reasons.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_WhenAnAuditorRejected_Blocks()
    {
        var verdict = new AuditVerdict("holdout-agreement", Verdict.Reject, ["holdout did not improve"]);

        var decision = new Gate(Presets.Get("recursive")).Decide(Input(Promotion(0.01)) with { Verdicts = [verdict] });

        Assert.Equal("holdout-agreement rejected: holdout did not improve", Assert.IsType<GateDecision.Blocked>(decision).Reasons.Single());
    }

    [Theory]
    [InlineData("approve", "NeedsApproval")]
    [InlineData("allow", "AutoApprove")]
    [InlineData("reject", "Blocked")]
    public void Decide_AFlag_DoesWhatThePolicySays(string flag, string expected)
    {
        var policy = PolicyLoader.Parse($"preset = \"recursive\"\n[auditors]\nflag = \"{flag}\"\n", "policy.toml").Policy!;
        var verdict = new AuditVerdict("static-rules", Verdict.Flag, ["sys.exit"]);

        var decision = new Gate(policy).Decide(Input(Promotion(0.01)) with { Verdicts = [verdict] });

        Assert.Equal(expected, decision.GetType().Name);
    }

    [Fact]
    public void Decide_DuringTheCoolDownAfterATripwire_DefersUntilItEnds()
    {
        var decision = new Gate(Presets.Get("delegate")).Decide(Input(Promotion(0.01)) with { LastTripwireAt = Now.AddSeconds(-100) });

        var defer = Assert.IsType<GateDecision.Defer>(decision);
        Assert.Equal(Now.AddSeconds(500), defer.Until);
    }

    [Theory]
    [InlineData(5, "AutoApprove")]
    [InlineData(6, "Defer")]
    public void Decide_WhenTheHourlyCapIsReached_Defers(int promotionsInLastHour, string expected)
    {
        var recent = Enumerable.Range(0, promotionsInLastHour).Select(i => new PastPromotion(Now.AddMinutes(-50 + i), i)).ToArray();

        var decision = new Gate(Presets.Get("recursive")).Decide(Input(Promotion(0.01) with { EvaluationsSoFar = 10_000 }) with { RecentPromotions = recent });

        Assert.Equal(expected, decision.GetType().Name);
        if (decision is GateDecision.Defer defer)
            Assert.Equal(Now.AddMinutes(10), defer.Until);
    }

    [Theory]
    [InlineData(2, "AutoApprove")]
    [InlineData(3, "Defer")]
    public void Decide_WhenThePerEvaluationsCapIsReached_DefersByEvaluations(int promotionsInLastHundred, string expected)
    {
        var recent = Enumerable.Range(0, promotionsInLastHundred).Select(i => new PastPromotion(Now.AddHours(-3 - i), 950 + i)).ToArray();

        var decision = new Gate(Presets.Get("recursive")).Decide(Input(Promotion(0.01) with { EvaluationsSoFar = 1000 }) with { RecentPromotions = recent });

        Assert.Equal(expected, decision.GetType().Name);
        if (decision is GateDecision.Defer defer)
            Assert.Equal(1050, defer.UntilEvaluations);
    }

    [Fact]
    public void Decide_EveryKthPromotion_AsksAHuman()
    {
        var policy = PolicyLoader.Parse("preset = \"recursive\"\n[approval]\nevery_kth_promotion = 3\n", "policy.toml").Policy!;

        Assert.IsType<GateDecision.AutoApprove>(new Gate(policy).Decide(Input(Promotion(0.01) with { PromotionNumber = 5 })));
        Assert.IsType<GateDecision.NeedsApproval>(new Gate(policy).Decide(Input(Promotion(0.01) with { PromotionNumber = 6 })));
    }

    [Theory]
    [InlineData(4999, null)]
    [InlineData(5000, "the run made 5000 evaluations; the policy allows 5000 ([slowdown] max_evaluations)")]
    public void StopReason_AppliesTheComputeCaps(long evaluations, string? expected)
    {
        Assert.Equal(expected, new Gate(Presets.Get("recursive")).StopReason(new RunUsage(evaluations, 1, 1)));
    }

    [Fact]
    public void ApprovalDeadline_IsOffByDefaultAndFollowsTheTimeout()
    {
        var timed = PolicyLoader.Parse("[approval]\napproval_timeout = 3600\n", "policy.toml").Policy!;

        Assert.Null(new Gate(Presets.Get("delegate")).ApprovalDeadline(Now));
        Assert.Equal(Now.AddHours(1), new Gate(timed).ApprovalDeadline(Now));
    }

    [Theory]
    [InlineData(49, false, true)]
    [InlineData(50, false, false)]
    [InlineData(0, true, false)]
    public void MayEvaluateWhileWaiting_FollowsTheCapAndPausesOnTripwires(long made, bool tripwire, bool expected)
    {
        Assert.Equal(expected, new Gate(Presets.Get("delegate")).MayEvaluateWhileWaiting(made, tripwire));
    }

    private static PromotionProposedEvent Promotion(double relativeGain) =>
        new(1, Now, "c", 10 * (1 + relativeGain), 10, 10 * relativeGain, relativeGain, 100, 1, false);

    private static GateInput Input(PromotionProposedEvent promotion) => new(promotion, [], [], 0, []);
}
