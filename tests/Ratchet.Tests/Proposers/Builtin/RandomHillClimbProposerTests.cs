using Ratchet.Proposers;
using Ratchet.Proposers.Builtin;
using Ratchet.Search;

namespace Ratchet.Tests.Proposers.Builtin;

public sealed class RandomHillClimbProposerTests
{
    private const string Text = "def f(x):\n    a = 0.5\n    b = 2\n    if x > a and True:\n        return x * b\n    return x - a\n";

    private static async Task<Proposal> ProposeAsync(IProposer proposer, long index, string text = Text) =>
        (await proposer.ProposeAsync(Fixtures.Context(index, SearchRandom.Derive(1, (ulong)index), Fixtures.Program(text), Fixtures.Task()), TestContext.Current.CancellationToken))!;

    [Fact]
    public async Task Propose_MutatesTheChampionWithOneBaselineOperator()
    {
        var proposer = new RandomHillClimbProposer();
        var operators = new HashSet<string>();
        for (var i = 0; i < 200; i++)
        {
            var proposal = await ProposeAsync(proposer, i);
            Assert.Equal(Fixtures.Program(Text).Id, proposal.ParentId);
            operators.Add(proposal.Operator);
        }
        Assert.Equal(["boolean-flip", "line-delete", "line-duplicate", "line-move", "line-swap", "literal", "operator-swap"], operators.Order());
    }

    [Fact]
    public async Task Observe_ChangesNothing()
    {
        var proposer = new RandomHillClimbProposer();
        var before = await ProposeAsync(proposer, 3);
        var root = Fixtures.Program(Text);
        for (var i = 0; i < 20; i++)
            proposer.Observe(Fixtures.Decision(i, root, i == 0 ? null : root.Id, "literal", i));
        var after = await ProposeAsync(proposer, 3);
        Assert.Equal(before.Label, after.Label);
    }

    [Fact]
    public async Task Propose_LiteralSteps_HaveTheFixedRelativeSize()
    {
        var proposer = new RandomHillClimbProposer(relativeStep: 0.1);
        var moves = new List<double>();
        for (var i = 0; i < 600; i++)
        {
            var proposal = await ProposeAsync(proposer, i, "x = 100.0\n");
            if (proposal.Operator == "literal")
                moves.Add(double.Parse(((ProposalChange.Files)proposal.Change).Contents["main.py"][4..], System.Globalization.CultureInfo.InvariantCulture) - 100);
        }
        var spread = Math.Sqrt(moves.Average(m => m * m));
        Assert.True(moves.Count > 50, $"{moves.Count} literal moves");
        Assert.InRange(spread, 7.5, 12.5);
    }

    [Fact]
    public void Name_IsHillclimb() => Assert.Equal("hillclimb", new RandomHillClimbProposer().Name);
}
