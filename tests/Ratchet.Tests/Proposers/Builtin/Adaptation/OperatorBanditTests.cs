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
}
