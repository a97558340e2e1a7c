using Ratchet.Proposers;
using Ratchet.Proposers.Builtin;
using Ratchet.Proposers.Builtin.Genome;
using Ratchet.Proposers.Builtin.Simulation;
using Ratchet.Tasks;

namespace Ratchet.Tests.Proposers.Builtin.Simulation;

public sealed class ProposerSimulatorTests
{
    private static readonly double[] Start = [3.0, -2.0, 1.5, 4.0, -3.5, 2.5, -1.0, 0.5, 3.3, -2.7];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static Task<SimulationResult> QuadraticAsync(IProposer proposer, int decisions, ulong seed, int workers = 1) =>
        ProposerSimulator.RunAsync(proposer, Fixtures.Task(), Fixtures.Program(Fixtures.VectorProgram(Start)), Fixtures.SumOfSquares, decisions, workers, seed, Token);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    [Fact]
    public async Task Run_WhenOnlyCmaOnTenLiteralQuadratic_ReachesOnePercentOfStartWithinFewHundredDecisions()
    {
        var off = new OperatorWeights { Literal = 0, LineDelete = 0, LineDuplicate = 0, LineSwap = 0, LineMove = 0, OperatorSwap = 0, BooleanFlip = 0, Crossover = 0 };
        var genome = ImproverGenome.Default with { Operators = off with { Cma = 1 } };
        var start = Start.Sum(v => v * v);
        var result = await QuadraticAsync(new BuiltinProposer(genome, Fixtures.Task(), 7), 400, seed: 7);
        Assert.True(result.ChampionScore < 0.01 * start, $"best {result.ChampionScore} vs start {start}");
        Assert.Equal(400, result.OperatorCounts["cma"]);
    }

    [Fact]
    public async Task Run_BestSoFar_HasOneEntryPerDecisionAndNeverWorsens()
    {
        var result = await QuadraticAsync(new BuiltinProposer(ImproverGenome.Default, Fixtures.Task(), 1), 150, seed: 1, workers: 3);
        Assert.Equal(150, result.BestSoFar.Count);
        Assert.Equal(151, result.Decisions.Count);
        for (var i = 1; i < result.BestSoFar.Count; i++)
            Assert.True(result.BestSoFar[i] <= result.BestSoFar[i - 1]);
        Assert.Equal(result.BestSoFar[^1], result.ChampionScore);
    }

    [Fact]
    public async Task Run_KnownPrograms_AreSkippedWithoutADecision()
    {
        var result = await QuadraticAsync(new RepeatingProposer(), 5, seed: 1);
        Assert.Equal(2, result.Decisions.Count);
        Assert.True(result.Duplicates >= 1);
    }

    [Fact]
    public async Task Run_BuiltinBeatsHillClimbOnTheQuadraticOverFiveSeeds()
    {
        var builtin = new List<double>();
        var hillclimb = new List<double>();
        for (ulong seed = 1; seed <= 5; seed++)
        {
            builtin.Add((await QuadraticAsync(new BuiltinProposer(ImproverGenome.Default, Fixtures.Task(), seed), 300, seed)).ChampionScore);
            hillclimb.Add((await QuadraticAsync(new RandomHillClimbProposer(), 300, seed)).ChampionScore);
        }
        TestContext.Current.SendDiagnosticMessage($"quadratic after 300: builtin median {Median(builtin):G4}, hillclimb median {Median(hillclimb):G4}");
        Assert.True(Median(builtin) < Median(hillclimb) / 10, $"builtin {Median(builtin)}, hillclimb {Median(hillclimb)}");
    }

    [Fact]
    public async Task Run_CirclePacking_ImprovesOnTheRootForEverySeed()
    {
        var task = Fixtures.Task("packing.py", Direction.Maximize);
        var root = Fixtures.CirclePacking();
        var start = Fixtures.SumOfRadii(root)!.Score;
        for (ulong seed = 1; seed <= 3; seed++)
        {
            var result = await ProposerSimulator.RunAsync(new BuiltinProposer(ImproverGenome.Default, task, seed), task, root, Fixtures.SumOfRadii, 300, 2, seed, Token);
            Assert.True(result.ChampionScore > start + 0.1, $"seed {seed}: {result.ChampionScore} from {start}");
        }
    }

    /// <summary>Proposes the same child every time.</summary>
    private sealed class RepeatingProposer : IProposer
    {
        public string Name => "repeat";

        public ValueTask<Proposal?> ProposeAsync(ProposalContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult<Proposal?>(context.Index > 20 ? null : new Proposal("same", new ProposalChange.Files(
                new Dictionary<string, string> { ["main.py"] = Fixtures.VectorProgram([1.0]) }), context.Champion.Id, "repeat"));

        public void Observe(Decision decision)
        {
        }
    }
}
