using Ratchet.Runs;
using Ratchet.Tasks;

namespace Ratchet.Tests.Runs;

public sealed class BudgetLimitsTests
{
    [Fact]
    public void From_TakesTheSmallerEvaluationLimit_AndNamesItsSource()
    {
        var limits = BudgetLimits.From(new RunOptions { Evaluations = 50 }, new BudgetSpec(Evaluations: 300));
        Assert.Equal((50L, "--evaluations 50"), limits.Evaluations);
        var fromTask = BudgetLimits.From(new RunOptions { Evaluations = 500 }, new BudgetSpec(Evaluations: 300));
        Assert.Equal((300L, "[budget] evaluations = 300"), fromTask.Evaluations);
    }

    [Fact]
    public void Exhausted_SaysWhichLimitEndedTheRun()
    {
        var limits = BudgetLimits.From(new RunOptions { Evaluations = 10 }, new BudgetSpec(CpuSeconds: 5, WallSeconds: 60));
        Assert.Null(limits.Exhausted(9, 4.9, 59));
        Assert.Equal("evaluation limit reached: 10 of 10 (--evaluations 10)", limits.Exhausted(10, 0, 0));
        Assert.Equal("CPU budget spent: 5 s of 5 s ([budget] cpu_seconds = 5)", limits.Exhausted(3, 5, 0));
        Assert.Equal("wall-time budget spent: 61 s of 60 s ([budget] wall_seconds = 60)", limits.Exhausted(3, 0, 61));
    }

    [Fact]
    public void Exhausted_WithoutLimits_NeverEnds()
    {
        Assert.Null(BudgetLimits.From(new RunOptions(), new BudgetSpec()).Exhausted(1_000_000, 1e9, 1e9));
    }
}
