using Ratchet.Evaluation;
using Ratchet.Proposers;
using Ratchet.Proposers.Builtin;
using Ratchet.Proposers.Builtin.Genome;
using Ratchet.Proposers.Builtin.Simulation;
using Ratchet.Proposers.Builtin.Text;
using Ratchet.Search;
using Ratchet.Tasks;

namespace Ratchet.Tests.Proposers.Builtin;

public sealed class BuiltinProposerTests
{
    private const string Marked = """
        import math

        KEEP = 1.0  # outside the block
        # EVOLVE-BLOCK-START
        def f(x):
            a = 0.5
            b = 2.0
            if x > a and True:
                return x * b + 1
            return x - a
        # EVOLVE-BLOCK-END

        print(f(3.0))

        """;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Two islands, so that island assignment and migration are exercised.</summary>
    private static readonly ImproverGenome TwoIslands = ImproverGenome.Default with { Archive = new ArchiveOptions { Islands = 2 } };

    private static BuiltinProposer Fresh(ImproverGenome? genome = null, string file = "main.py", ulong seed = 11) =>
        new(genome ?? TwoIslands, Fixtures.Task(file), seed);

    private static async Task<Proposal?> ProposeAsync(IProposer proposer, long index, ProgramSnapshot champion, Func<string, bool>? isKnown = null, string file = "main.py") =>
        await proposer.ProposeAsync(Fixtures.Context(index, SearchRandom.Derive(99, (ulong)index), champion, Fixtures.Task(file), isKnown), Token);

    private static Task<SimulationResult> SimulateAsync(IProposer proposer, int decisions = 80, int workers = 3) =>
        ProposerSimulator.RunAsync(proposer, Fixtures.Task(), Fixtures.Program(Marked), p => new SimulatedScore(Math.Abs(Fixtures.Numbers(p).Sum() - 7)),
            decisions, workers, runSeed: 5, Token);

    private static string Describe(Proposal? p) =>
        p is null ? "null" : $"{p.Label}|{p.ParentId}|{p.Operator}|{string.Join(",", ((ProposalChange.Files)p.Change).Contents.Select(c => c.Key + "=" + c.Value))}|{string.Join(",", p.Meta!.OrderBy(m => m.Key).Select(m => m.Key + "=" + m.Value))}";

    [Fact]
    public async Task Propose_SameGenomeSeedAndDecisions_SameProposalsBitForBit()
    {
        var a = await SimulateAsync(Fresh());
        var b = await SimulateAsync(Fresh());
        Assert.Equal(a.Decisions.Select(d => d.Candidate.Id), b.Decisions.Select(d => d.Candidate.Id));
        Assert.Equal(80, a.BestSoFar.Count);
    }

    [Fact]
    public async Task Observe_ReplayingAllDecisionsOnAFreshInstance_RebuildsStateAndNextProposal()
    {
        var live = Fresh();
        var run = await SimulateAsync(live, decisions: 120, workers: 4);
        var rebuilt = Fresh();
        foreach (var decision in run.Decisions)
            rebuilt.Observe(decision);
        Assert.Equal(live.Fingerprint(), rebuilt.Fingerprint());
        var next = run.Decisions[^1].Index + 4;
        Assert.Equal(Describe(await ProposeAsync(live, next, run.Champion)), Describe(await ProposeAsync(rebuilt, next, run.Champion)));
    }

    [Fact]
    public async Task Observe_PrefixReplay_GivesTheSameProposalForIndexKPlusW()
    {
        var run = await SimulateAsync(Fresh(), decisions: 60, workers: 3);
        for (var k = 10; k < 60; k += 10)
        {
            var first = Fresh();
            var second = Fresh();
            foreach (var decision in run.Decisions.Take(k + 1))
            {
                first.Observe(decision);
                second.Observe(decision);
            }
            var champion = run.Decisions.Take(k + 1).Last(d => d.Promoted).Candidate.Program;
            var index = run.Decisions[k].Index + 3;
            await ProposeAsync(first, index - 1, champion);
            Assert.Equal(Describe(await ProposeAsync(second, index, champion)), Describe(await ProposeAsync(first, index, champion)));
        }
    }

    [Fact]
    public async Task Propose_WithEvolveMarkers_OnlyEditsInsideTheBlock()
    {
        var proposer = Fresh();
        var root = Fixtures.Program(Marked);
        proposer.Observe(Fixtures.Decision(0, root, null, "initial", 1));
        var regions = EvolveRegions.Parse(Marked);
        for (var i = 1; i <= 200; i++)
        {
            var proposal = await ProposeAsync(proposer, i, root);
            var text = ((ProposalChange.Files)proposal!.Change).Contents["main.py"];
            Assert.Null(regions.CheckChange(text));
            Assert.NotEqual(Marked, text);
        }
    }

    [Fact]
    public async Task Propose_OnCSharp_NeverProposesASyntaxError()
    {
        var proposer = Fresh(file: "Tune.cs");
        var root = Fixtures.Program(Operators.Snippets.CSharp, "Tune.cs");
        proposer.Observe(Fixtures.Decision(0, root, null, "initial", 1));
        for (var i = 1; i <= 150; i++)
        {
            var proposal = await ProposeAsync(proposer, i, root, file: "Tune.cs");
            var text = ((ProposalChange.Files)proposal!.Change).Contents["Tune.cs"];
            var tree = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(text, cancellationToken: Token);
            Assert.DoesNotContain(tree.GetDiagnostics(Token), d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        }
    }

    [Fact]
    public async Task Propose_RecordsOperatorParentAndIsland()
    {
        var proposer = Fresh();
        var root = Fixtures.Program(Marked);
        proposer.Observe(Fixtures.Decision(0, root, null, "initial", 1));
        var proposal = (await ProposeAsync(proposer, 5, root))!;
        Assert.Equal(root.Id, proposal.ParentId);
        Assert.True(MutationKinds.TryParse(proposal.Operator, out _), proposal.Operator);
        Assert.Equal("1", proposal.Meta!["island"]);
    }

    [Fact]
    public async Task Propose_WhenFirstChildIsKnown_ReturnsAnUnknownOne()
    {
        var proposer = Fresh();
        var root = Fixtures.Program(Marked);
        proposer.Observe(Fixtures.Decision(0, root, null, "initial", 1));
        var first = (await ProposeAsync(proposer, 1, root))!;
        var firstId = root.With("main.py", ((ProposalChange.Files)first.Change).Contents["main.py"]).Id;
        var second = (await ProposeAsync(proposer, 1, root, id => id == firstId || id == root.Id))!;
        Assert.NotEqual(firstId, root.With("main.py", ((ProposalChange.Files)second.Change).Contents["main.py"]).Id);
    }

    [Fact]
    public async Task Propose_WhenNothingIsMutable_ReturnsNull()
    {
        var proposer = Fresh();
        var root = Fixtures.Program("# only a comment\n");
        proposer.Observe(Fixtures.Decision(0, root, null, "initial", 1));
        Assert.Null(await ProposeAsync(proposer, 1, root));
    }

    [Fact]
    public async Task Propose_WhenRootCrashed_StillProposesFromTheChampion()
    {
        var proposer = Fresh();
        var root = Fixtures.Program(Marked);
        proposer.Observe(Fixtures.Decision(0, root, null, "initial", score: null));
        Assert.Equal(root.Id, (await ProposeAsync(proposer, 1, root))!.ParentId);
        Assert.False(proposer.Archive.Contains(root.Id));
    }

    [Fact]
    public void Observe_OnlyOkCandidatesEnterTheArchive()
    {
        var proposer = Fresh();
        var root = Fixtures.Program(Marked);
        var crashed = Fixtures.Program(Marked.Replace("0.5", "0.6", StringComparison.Ordinal));
        var better = Fixtures.Program(Marked.Replace("0.5", "0.4", StringComparison.Ordinal));
        proposer.Observe(Fixtures.Decision(0, root, null, "initial", 10));
        proposer.Observe(Fixtures.Decision(1, crashed, root.Id, "literal", null));
        proposer.Observe(Fixtures.Decision(2, better, root.Id, "literal", 5));
        Assert.False(proposer.Archive.Contains(crashed.Id));
        Assert.True(proposer.Archive.Contains(better.Id));
        Assert.Equal(2, proposer.Archive.Islands);
    }

    [Fact]
    public void Observe_LiteralDecisions_AdaptThatLiteralsStep()
    {
        var proposer = Fresh();
        var root = Fixtures.Program(Marked);
        var key = SourceFile.Parse("main.py", Marked).Literals.First(l => l.Value == 0.5).Key;
        var initial = proposer.Steps.RelativeStep(key);
        proposer.Observe(Fixtures.Decision(0, root, null, "initial", 10));
        proposer.Observe(Fixtures.Decision(1, Fixtures.Program(Marked.Replace("a = 0.5", "a = 0.4", StringComparison.Ordinal)), root.Id, "literal", 5));
        Assert.True(proposer.Steps.RelativeStep(key) > initial);
        proposer.Observe(Fixtures.Decision(2, Fixtures.Program(Marked.Replace("a = 0.5", "a = 0.3", StringComparison.Ordinal)), root.Id, "literal", 20));
        proposer.Observe(Fixtures.Decision(3, Fixtures.Program(Marked.Replace("a = 0.5", "a = 0.2", StringComparison.Ordinal)), root.Id, "literal", 30));
        Assert.True(proposer.Steps.RelativeStep(key) < initial * Math.Exp(ImproverGenome.Default.Literal.Adapt));
    }

    [Fact]
    public void Observe_DecisionsFeedTheBanditByOperator()
    {
        var proposer = Fresh();
        var root = Fixtures.Program(Marked);
        proposer.Observe(Fixtures.Decision(0, root, null, "initial", 10));
        var before = proposer.Bandit.Mean(MutationKind.LineSwap);
        for (var i = 1; i <= 10; i++)
            proposer.Observe(Fixtures.Decision(i, Fixtures.Program(Marked + new string('\n', i)), root.Id, "line-swap", 10 - i));
        Assert.True(proposer.Bandit.Mean(MutationKind.LineSwap) > before);
    }

    [Fact]
    public void Observe_MigratesAtTheConfiguredInterval()
    {
        var genome = TwoIslands with { Migration = new MigrationOptions { Interval = 3 } };
        var proposer = Fresh(genome);
        var root = Fixtures.Program(Marked);
        proposer.Observe(Fixtures.Decision(0, root, null, "initial", 10));
        for (var i = 1; i <= 7; i++)
        {
            proposer.Observe(Fixtures.Decision(i, Fixtures.Program(Marked + new string('\n', i)), root.Id, "line-swap", 10 + i));
            Assert.Equal(i / 3, proposer.Archive.Migrations);
        }
    }

    [Fact]
    public void Constructor_InvalidGenome_Throws() =>
        Assert.Throws<ArgumentException>(() => Fresh(ImproverGenome.Default with { Attempts = 0 }));

    [Fact]
    public void Name_IsBuiltin() => Assert.Equal("builtin", Fresh().Name);

    [Fact]
    public void Observe_CrashedDecision_IsAFailureForTheOperator()
    {
        var proposer = Fresh();
        var root = Fixtures.Program(Marked);
        proposer.Observe(Fixtures.Decision(0, root, null, "initial", 10));
        var before = proposer.Bandit.Mean(MutationKind.LineDelete);
        proposer.Observe(new Decision(1, new CandidateView("x", Fixtures.Program("x"), null, null), root.Id, "line-delete", Outcome.TimedOut, false, 10));
        Assert.True(proposer.Bandit.Mean(MutationKind.LineDelete) < before);
    }
}
