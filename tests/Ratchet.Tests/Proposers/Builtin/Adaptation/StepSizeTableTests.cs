using Ratchet.Proposers.Builtin.Adaptation;
using Ratchet.Proposers.Builtin.Genome;

namespace Ratchet.Tests.Proposers.Builtin.Adaptation;

public sealed class StepSizeTableTests
{
    private static readonly LiteralSettings Settings = ImproverGenome.Default.Literal;

    [Fact]
    public void Record_Success_GrowsTheStep()
    {
        var steps = new StepSizeTable(Settings);
        steps.Record("k", success: true);
        Assert.Equal(Settings.InitialStep * Math.Exp(Settings.Adapt), steps.RelativeStep("k"), 12);
    }

    [Fact]
    public void Record_Failure_ShrinksTheStep()
    {
        var steps = new StepSizeTable(Settings);
        steps.Record("k", success: false);
        Assert.True(steps.RelativeStep("k") < Settings.InitialStep);
    }

    [Fact]
    public void Record_AtTheTargetRate_KeepsTheStep()
    {
        var steps = new StepSizeTable(Settings);
        for (var i = 0; i < 50; i++)
        {
            steps.Record("k", success: true);
            for (var j = 0; j < 4; j++)
                steps.Record("k", success: false);
        }
        Assert.Equal(Settings.InitialStep, steps.RelativeStep("k"), 9);
    }

    [Fact]
    public void Record_KeepsStepsWithinBounds()
    {
        var steps = new StepSizeTable(Settings);
        for (var i = 0; i < 1000; i++)
        {
            steps.Record("up", success: true);
            steps.Record("down", success: false);
        }
        Assert.Equal(Settings.MaxStep, steps.RelativeStep("up"));
        Assert.Equal(Settings.MinStep, steps.RelativeStep("down"));
    }

    [Fact]
    public void StepFor_ScalesWithTheValueAndFloorsNearZero()
    {
        var steps = new StepSizeTable(Settings);
        Assert.Equal(Settings.InitialStep * 50, steps.StepFor("k", -50), 12);
        Assert.Equal(Settings.InitialStep * Settings.ZeroScale, steps.StepFor("k", 0), 12);
    }
}
