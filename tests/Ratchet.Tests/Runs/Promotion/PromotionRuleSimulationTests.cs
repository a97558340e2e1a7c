using Ratchet.Runs.Promotion;
using Ratchet.Tasks;

namespace Ratchet.Tests.Runs.Promotion;

/// <summary>The rule applied to simulated measurements with 2% multiplicative noise (docs/promotion.md, "Figures").</summary>
public sealed class PromotionRuleSimulationTests
{
    private const int Tries = 10_000;
    private const double Noise = 0.02;
    private const int Repeats = 5;

    /// <summary>Runs <see cref="Tries"/> comparisons of a candidate whose true score is <paramref name="ratio"/> times
    /// the incumbent's; a confirmation round, when asked for, draws fresh scores for both. Returns promotions.</summary>
    private static int Promotions(Direction direction, double ratio, int seed, out int confirmationRounds)
    {
        var random = new Random(seed);
        var rule = new PromotionRule(new ObjectiveSpec("score", direction, Repeats));
        var promotions = 0;
        confirmationRounds = 0;
        for (var i = 0; i < Tries; i++)
        {
            var incumbent = Draw(random, 1.0, Repeats);
            var candidate = Draw(random, ratio, Repeats);
            var decision = rule.Decide(incumbent, candidate);
            if (decision is PromotionDecision.NeedsConfirmation confirm)
            {
                confirmationRounds++;
                decision = rule.Decide(incumbent, candidate,
                    new ConfirmationScores(Draw(random, 1.0, confirm.Repeats), Draw(random, ratio, confirm.Repeats)));
            }
            if (decision is PromotionDecision.Promote)
                promotions++;
        }
        return promotions;
    }

    internal static double[] Draw(Random random, double trueScore, int count)
    {
        var scores = new double[count];
        for (var i = 0; i < count; i++)
            scores[i] = trueScore * (1 + Noise * Gaussian(random));
        return scores;
    }

    private static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    [Theory]
    [InlineData(Direction.Maximize, 1)]
    [InlineData(Direction.Minimize, 2)]
    public void Decide_OnAnUnchangedProgramUnderNoise_PromotesAtMostOneTryInAThousand(Direction direction, int seed)
    {
        var promotions = Promotions(direction, 1.0, seed, out var rounds);
        TestContext.Current.SendDiagnosticMessage($"unchanged ({direction}): {promotions} of {Tries} promoted, {rounds} confirmation rounds");
        Assert.True(promotions <= Tries / 1000, $"{promotions} of {Tries} unchanged programs promoted");
        Assert.InRange(rounds, Tries * 0.03, Tries * 0.07);
    }

    [Theory]
    [InlineData(Direction.Maximize, 1.05, 3)]
    [InlineData(Direction.Minimize, 0.95, 4)]
    public void Decide_OnARealFivePercentGainUnderNoise_PromotesAtLeastFourTriesInFive(Direction direction, double ratio, int seed)
    {
        var promotions = Promotions(direction, ratio, seed, out var rounds);
        TestContext.Current.SendDiagnosticMessage($"5% gain ({direction}): {promotions} of {Tries} promoted, {rounds} confirmation rounds");
        Assert.True(promotions >= Tries * 8 / 10, $"only {promotions} of {Tries} real 5% gains promoted");
    }

    [Fact]
    public void Decide_OnAWorseProgramUnderNoise_NeverPromotes()
    {
        Assert.Equal(0, Promotions(Direction.Maximize, 0.98, 5, out _));
    }

    [Fact]
    public void Decide_InARunOfFortyNeutralEditsThenARealGain_PromotesOnlyTheGain()
    {
        var random = new Random(6);
        var rule = new PromotionRule(new ObjectiveSpec("score", Direction.Maximize, Repeats));
        var champion = (Truth: 1.0, Scores: Draw(random, 1.0, Repeats));
        var promoted = new List<int>();
        for (var edit = 0; edit < 41; edit++)
        {
            var truth = edit < 40 ? champion.Truth : champion.Truth * 1.05;
            var scores = Draw(random, truth, Repeats);
            var decision = rule.Decide(champion.Scores, scores);
            if (decision is PromotionDecision.NeedsConfirmation confirm)
                decision = rule.Decide(champion.Scores, scores, new ConfirmationScores(Draw(random, champion.Truth, confirm.Repeats), Draw(random, truth, confirm.Repeats)));
            if (decision is PromotionDecision.Promote)
            {
                promoted.Add(edit);
                champion = (truth, scores);
            }
        }
        Assert.Equal([40], promoted);
    }
}
