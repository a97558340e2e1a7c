using Ratchet.Proposers.Builtin;
using Ratchet.Proposers.Builtin.Genome;
using Ratchet.Proposers.Builtin.Simulation;

namespace Ratchet.Tests.Proposers.Builtin.Simulation;

public sealed class ProposerSimulatorTests
{
    private static readonly double[] Start = [3.0, -2.0, 1.5, 4.0, -3.5, 2.5, -1.0, 0.5, 3.3, -2.7];

    [Fact]
    public async Task Run_WhenOnlyCmaOnTenLiteralQuadratic_ReachesOnePercentOfStartWithinFewHundredDecisions()
    {
        var genome = ImproverGenome.Default with
        {
            Operators = new OperatorWeights { Literal = 0, LineDelete = 0, LineDuplicate = 0, LineSwap = 0, LineMove = 0, OperatorSwap = 0, BooleanFlip = 0, Crossover = 0, Cma = 1 },
        };
        var task = Fixtures.Task();
        var root = Fixtures.Program(Fixtures.VectorProgram(Start));
        var start = Fixtures.SumOfSquares(root)!.Score;

        var result = await ProposerSimulator.RunAsync(new BuiltinProposer(genome, task, 7), task, root, Fixtures.SumOfSquares, 400, workers: 1, runSeed: 7, TestContext.Current.CancellationToken);

        Assert.True(result.ChampionScore < 0.01 * start, $"best {result.ChampionScore} vs start {start}");
    }
}
