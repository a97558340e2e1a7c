using Ratchet.Runs.Promotion;
using Ratchet.Tasks;

namespace Ratchet.Tests.Runs.Promotion;

public sealed class PromotionRuleTests
{
    private static ObjectiveSpec Objective(Direction direction = Direction.Maximize, int repeats = 5, double alpha = 0.05, double minGain = 0) =>
        new("score", direction, repeats, alpha, minGain);

    private static PromotionRule Rule(Direction direction = Direction.Maximize, double minGain = 0, int repeats = 5) =>
        new(Objective(direction, repeats, minGain: minGain));

    [Theory]
    [InlineData(Direction.Maximize, 0.0, 10.0, 10.5, true)]
    [InlineData(Direction.Maximize, 0.0, 10.0, 10.0, false)]
    [InlineData(Direction.Maximize, 0.0, 10.0, 9.5, false)]
    [InlineData(Direction.Maximize, 0.5, 10.0, 10.5, false)]
    [InlineData(Direction.Maximize, 0.5, 10.0, 10.6, true)]
    [InlineData(Direction.Minimize, 0.0, 10.0, 9.5, true)]
    [InlineData(Direction.Minimize, 0.0, 10.0, 10.5, false)]
    [InlineData(Direction.Minimize, 0.5, 10.0, 9.5, false)]
    [InlineData(Direction.Minimize, 0.5, 10.0, 9.4, true)]
    public void Decide_OnDeterministicScores_ComparesPlainlyWithMinGain(Direction direction, double minGain, double incumbent, double candidate, bool promoted)
    {
        var rule = Rule(direction, minGain);
        var single = rule.Decide([incumbent], [candidate]);
        var repeated = rule.Decide([incumbent, incumbent, incumbent], [candidate, candidate, candidate]);
        Assert.Equal(promoted, single is PromotionDecision.Promote);
        Assert.Equal(promoted, repeated is PromotionDecision.Promote);
        Assert.Null(repeated.Screening);
        Assert.Contains("deterministic", repeated.Reason);
    }

    public static TheoryData<string, double[], double[], string> InvalidScores => new()
    {
        { "empty candidate", [1.0], [], "candidate scores are empty" },
        { "empty incumbent", [], [1.0], "incumbent scores are empty" },
        { "NaN candidate", [1.0, 1.1], [1.2, double.NaN], "candidate score of repeat 2 is NaN" },
        { "infinite candidate", [1.0], [double.PositiveInfinity], "candidate score of repeat 1 is +infinity" },
        { "infinite incumbent", [double.NegativeInfinity], [1.0], "incumbent score of repeat 1 is -infinity" },
        { "overflowing mean", [1.0, 2.0], [1.7e308, 1.6e308], "too large" },
    };

    [Theory]
    [MemberData(nameof(InvalidScores))]
    public void Decide_OnInvalidScores_RejectsAndSaysWhy(string name, double[] incumbent, double[] candidate, string reason)
    {
        var decision = Rule().Decide(incumbent, candidate);
        Assert.IsType<PromotionDecision.Reject>(decision);
        Assert.True(decision.Reason.Contains(reason, StringComparison.Ordinal), $"{name}: {decision.Reason}");
    }

    [Fact]
    public void Decide_WithoutIncumbent_PromotesAFiniteCandidate_ButNotANonFiniteOne()
    {
        Assert.IsType<PromotionDecision.Promote>(Rule().Decide(null, [1.0, 1.2]));
        Assert.IsType<PromotionDecision.Reject>(Rule().Decide(null, [double.NaN]));
    }

    [Fact]
    public void Decide_OnNoisyScoresWithAClearGain_AsksForAConfirmationRound()
    {
        var decision = Rule().Decide([1.00, 1.02, 0.98, 1.01, 0.99], [1.10, 1.12, 1.08, 1.11, 1.09]);
        var confirm = Assert.IsType<PromotionDecision.NeedsConfirmation>(decision);
        Assert.Equal(10, confirm.Repeats);
        Assert.True(confirm.Screening!.Passed);
        Assert.Equal(0.1, confirm.Screening.Gain, 1e-12);
    }

    [Fact]
    public void Decide_OnNoisyScoresWithinNoise_RejectsAtScreening()
    {
        var decision = Rule().Decide([1.00, 1.02, 0.98, 1.01, 0.99], [1.01, 1.03, 0.99, 1.00, 1.00]);
        Assert.IsType<PromotionDecision.Reject>(decision);
        Assert.False(decision.Screening!.Passed);
        Assert.StartsWith("within measurement noise at screening", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_WhenTheConfirmationRoundAgrees_Promotes()
    {
        var rule = Rule();
        var decision = rule.Decide([1.00, 1.02, 0.98, 1.01, 0.99], [1.10, 1.12, 1.08, 1.11, 1.09],
            new ConfirmationScores([1.0, 0.99, 1.01, 1.0, 1.02, 0.98], [1.1, 1.09, 1.11, 1.12, 1.08, 1.1]));
        Assert.IsType<PromotionDecision.Promote>(decision);
        Assert.True(decision.Confirmation!.Passed);
        Assert.Equal(rule.ConfirmationLevel, decision.Confirmation.Level);
    }

    [Fact]
    public void Decide_WhenTheConfirmationRoundShowsNoGain_Rejects()
    {
        var decision = Rule().Decide([1.00, 1.02, 0.98, 1.01, 0.99], [1.10, 1.12, 1.08, 1.11, 1.09],
            new ConfirmationScores([1.0, 0.99, 1.01, 1.0], [1.01, 0.98, 1.0, 1.0]));
        Assert.IsType<PromotionDecision.Reject>(decision);
        Assert.StartsWith("not confirmed on fresh repeats", decision.Reason, StringComparison.Ordinal);
        Assert.NotNull(decision.Screening);
    }

    [Fact]
    public void Decide_WithAConfirmationRoundForACandidateThatFailsScreening_StillRejects()
    {
        var decision = Rule().Decide([1.00, 1.02, 0.98], [0.90, 0.91, 0.89],
            new ConfirmationScores([1.0, 1.0, 1.01], [2.0, 2.1, 2.05]));
        Assert.IsType<PromotionDecision.Reject>(decision);
        Assert.StartsWith("no gain at screening", decision.Reason, StringComparison.Ordinal);
        Assert.Null(decision.Confirmation);
    }

    public static TheoryData<string, double[], double[], string> BadConfirmations => new()
    {
        { "too few", [1.0], [2.0, 2.1], "at least 2 fresh scores per side" },
        { "non-finite", [1.0, 1.1], [2.0, double.NaN], "candidate's confirmation score of repeat 2 is NaN" },
        { "empty", [], [2.0], "incumbent's confirmation scores are empty" },
    };

    [Theory]
    [MemberData(nameof(BadConfirmations))]
    public void Decide_OnAnUnusableConfirmationRound_Rejects(string name, double[] incumbent, double[] candidate, string reason)
    {
        var decision = Rule().Decide([1.00, 1.02, 0.98, 1.01, 0.99], [1.10, 1.12, 1.08, 1.11, 1.09], new ConfirmationScores(incumbent, candidate));
        Assert.IsType<PromotionDecision.Reject>(decision);
        Assert.True(decision.Reason.Contains(reason, StringComparison.Ordinal), $"{name}: {decision.Reason}");
    }

    [Fact]
    public void Decide_OnAConfirmationRoundWithoutNoise_ComparesPlainly()
    {
        var noisy = (Incumbent: new[] { 1.00, 1.02, 0.98, 1.01, 0.99 }, Candidate: new[] { 1.10, 1.12, 1.08, 1.11, 1.09 });
        Assert.IsType<PromotionDecision.Promote>(Rule().Decide(noisy.Incumbent, noisy.Candidate, new ConfirmationScores([1.0, 1.0], [1.1, 1.1])));
        Assert.IsType<PromotionDecision.Reject>(Rule().Decide(noisy.Incumbent, noisy.Candidate, new ConfirmationScores([1.0, 1.0], [1.0, 1.0])));
    }

    [Fact]
    public void Decide_WhenMinimizing_TreatsLowerScoresAsTheGain()
    {
        var rule = Rule(Direction.Minimize);
        Assert.IsType<PromotionDecision.NeedsConfirmation>(rule.Decide([1.00, 1.02, 0.98, 1.01, 0.99], [0.90, 0.92, 0.88, 0.91, 0.89]));
        Assert.IsType<PromotionDecision.Reject>(rule.Decide([1.00, 1.02, 0.98, 1.01, 0.99], [1.10, 1.12, 1.08, 1.11, 1.09]));
    }

    [Fact]
    public void Decide_OnNoisyScores_TestsTheGainBeyondMinGain()
    {
        double[] incumbent = [1.00, 1.02, 0.98, 1.01, 0.99];
        double[] candidate = [1.10, 1.12, 1.08, 1.11, 1.09];
        Assert.IsType<PromotionDecision.NeedsConfirmation>(Rule(minGain: 0.05).Decide(incumbent, candidate));
        var blocked = Rule(minGain: 0.1).Decide(incumbent, candidate);
        Assert.IsType<PromotionDecision.Reject>(blocked);
        Assert.Contains("min_gain 0.1 included", blocked.Reason);
    }

    [Fact]
    public void Decide_WhenOnlyOneSideIsNoisy_StillTestsWithTheNoisySidesVariance()
    {
        var decision = Rule().Decide([1.0, 1.0, 1.0, 1.0, 1.0], [1.01, 0.99, 1.03, 0.98, 1.02]);
        Assert.IsType<PromotionDecision.Reject>(decision);
        Assert.Equal(4, decision.Screening!.DegreesOfFreedom, 1e-9);
    }

    [Fact]
    public void Decide_WithTwoRepeatsAside_CanStillPassAStrongGain()
    {
        var decision = Rule(repeats: 2).Decide([1.0, 1.01], [2.0, 2.01]);
        var confirm = Assert.IsType<PromotionDecision.NeedsConfirmation>(decision);
        Assert.Equal(4, confirm.Repeats);
    }

    [Fact]
    public void Levels_MultiplyToAlphaOverComparisons()
    {
        var rule = new PromotionRule(Objective(alpha: 0.05), new PromotionOptions { Comparisons = 200 });
        Assert.Equal(0.05, rule.ScreeningLevel);
        Assert.Equal(0.005, rule.ConfirmationLevel);
        Assert.Equal(0.05 / 200, rule.PerComparisonLevel, 1e-15);
    }

    [Fact]
    public void Constructor_OnInvalidOptions_NamesEveryProblem()
    {
        var error = Assert.Throws<ArgumentException>(() => new PromotionRule(Objective(), new PromotionOptions { Comparisons = 0, ConfirmationRepeats = 1 }));
        Assert.Contains("Comparisons must be at least 1", error.Message);
        Assert.Contains("ConfirmationRepeats must be at least 2", error.Message);
    }
}
