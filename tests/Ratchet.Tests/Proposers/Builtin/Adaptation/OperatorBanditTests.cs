using Ratchet.Proposers.Builtin;
using Ratchet.Proposers.Builtin.Adaptation;
using Ratchet.Proposers.Builtin.Genome;
using Ratchet.Search;

namespace Ratchet.Tests.Proposers.Builtin.Adaptation;

public sealed class OperatorBanditTests
{
    private static int Count(OperatorBandit bandit, MutationKind kind) =>
        Enumerable.Range(0, 1000).Count(s => bandit.Choose(new SearchRandom((ulong)s), _ => true) == kind);

    [Fact]
    public void Choose_WhenAnOperatorKeepsSucceeding_ShiftsWeightToIt()
    {
        var bandit = new OperatorBandit(ImproverGenome.Default.Bandit, ImproverGenome.Default.Operators);
        var before = Count(bandit, MutationKind.LineSwap);
        for (var i = 0; i < 60; i++)
        {
            bandit.Record(MutationKind.LineSwap, 1);
            bandit.Record(MutationKind.Literal, 0.1);
            bandit.Record(MutationKind.Cma, 0);
        }
        var after = Count(bandit, MutationKind.LineSwap);
        Assert.True(after > 600 && after > 3 * before, $"line-swap chosen {before} then {after} times in 1000");
    }

    [Fact]
    public void Record_OldEvidenceDecays()
    {
        var bandit = new OperatorBandit(ImproverGenome.Default.Bandit with { Discount = 0.9 }, ImproverGenome.Default.Operators);
        for (var i = 0; i < 50; i++)
            bandit.Record(MutationKind.Literal, 1);
        var high = bandit.Mean(MutationKind.Literal);
        for (var i = 0; i < 50; i++)
            bandit.Record(MutationKind.Cma, 0);
        Assert.True(bandit.Mean(MutationKind.Literal) < high);
    }

    [Fact]
    public void Choose_ZeroWeight_IsNeverChosen()
    {
        var weights = ImproverGenome.Default.Operators with { Crossover = 0 };
        var bandit = new OperatorBandit(ImproverGenome.Default.Bandit with { Epsilon = 1 }, weights);
        Assert.Equal(0, Count(bandit, MutationKind.Crossover));
    }

    [Fact]
    public void Choose_WhenNothingApplies_GivesNull()
    {
        var bandit = new OperatorBandit(ImproverGenome.Default.Bandit, ImproverGenome.Default.Operators);
        Assert.Null(bandit.Choose(new SearchRandom(1), _ => false));
    }

    [Fact]
    public void Mean_HeaviestWeightStartsAtOneHalf()
    {
        var bandit = new OperatorBandit(ImproverGenome.Default.Bandit, ImproverGenome.Default.Operators);
        Assert.Equal(0.5, bandit.Mean(MutationKind.Literal), 12);
        Assert.True(bandit.Mean(MutationKind.LineDelete) < 0.5);
    }

    [Theory]
    [InlineData(false, false, null, 0.0)] // crashed, rejected, invalid
    [InlineData(true, true, 0.2, 1.0)] // beat its parent
    [InlineData(true, false, 0.0, 0.1)] // neutral
    [InlineData(true, false, null, 0.1)] // parent without a score
    [InlineData(true, false, -0.025, 0.05)] // 2.5% worse than a parent scoring 1: half of reward_ok
    [InlineData(true, false, -0.05, 0.0)] // at the tolerance
    [InlineData(true, false, -0.5, 0.0)] // far worse
    public void Reward_OkChildren_EarnLessTheWorseTheyAreThanTheirParent(bool ok, bool improved, double? gain, double expected)
    {
        var settings = ImproverGenome.Default.Bandit; // reward_ok 0.1, worse_tolerance 0.05
        Assert.Equal(expected, OperatorBandit.Reward(settings, ok, improved, gain, parentScore: -1.0), 12);
    }

    [Fact]
    public void Reward_ZeroTolerance_GivesEveryOkChildRewardOk()
    {
        var settings = ImproverGenome.Default.Bandit with { WorseTolerance = 0 };
        Assert.Equal(0.1, OperatorBandit.Reward(settings, ok: true, improved: false, gain: -100, parentScore: 1), 12);
    }

    [Fact]
    public void Choose_WhenOneOperatorsOkChildrenAreMuchWorse_PrefersTheNeutralOne()
    {
        var settings = ImproverGenome.Default.Bandit;
        var bandit = new OperatorBandit(settings, ImproverGenome.Default.Operators with { LineDelete = 0, LineDuplicate = 0, LineSwap = 0, LineMove = 0, OperatorSwap = 0, BooleanFlip = 0, Crossover = 0 });
        for (var i = 0; i < 100; i++)
        {
            bandit.Record(MutationKind.Literal, OperatorBandit.Reward(settings, true, false, gain: 0, parentScore: 0.6));
            bandit.Record(MutationKind.Cma, OperatorBandit.Reward(settings, true, false, gain: -0.06, parentScore: 0.6));
        }
        var literal = Count(bandit, MutationKind.Literal);
        Assert.True(literal > 750, $"literal chosen {literal} times in 1000 against a joint move whose children are 10% worse");
    }
}
