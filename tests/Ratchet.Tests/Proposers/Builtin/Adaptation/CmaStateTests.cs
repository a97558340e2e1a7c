using Ratchet.Proposers.Builtin.Adaptation;
using Ratchet.Proposers.Builtin.Genome;
using Ratchet.Search;

namespace Ratchet.Tests.Proposers.Builtin.Adaptation;

public sealed class CmaStateTests
{
    private static readonly double[] Mean = [1.0, -2.0, 0.5];

    private static CmaState State(CmaSettings? settings = null) =>
        new("a\nb\nc", Mean, settings ?? ImproverGenome.Default.Cma, 0.1);

    [Fact]
    public void Update_SuccessesGrowSigmaAndFailuresShrinkIt()
    {
        var grow = State();
        var shrink = State();
        for (var i = 0; i < 10; i++)
        {
            grow.Update(Mean, [1.01, -2.0, 0.5], success: true);
            shrink.Update(Mean, [1.01, -2.0, 0.5], success: false);
        }
        Assert.True(grow.Sigma > ImproverGenome.Default.Cma.InitialStep);
        Assert.True(shrink.Sigma < ImproverGenome.Default.Cma.InitialStep);
    }

    [Fact]
    public void Update_SmallerDamping_ShrinksSigmaFasterOnFailures()
    {
        var standard = State();
        var quick = State(ImproverGenome.Default.Cma with { Damping = 0.25 });
        for (var i = 0; i < 20; i++)
        {
            standard.Update(Mean, [1.01, -2.0, 0.5], success: false);
            quick.Update(Mean, [1.01, -2.0, 0.5], success: false);
        }
        // the log-change of sigma scales with 1/damping: a quarter of the damping, four times the shrink
        var ratio = Math.Log(quick.Sigma / ImproverGenome.Default.Cma.InitialStep) / Math.Log(standard.Sigma / ImproverGenome.Default.Cma.InitialStep);
        Assert.Equal(4.0, ratio, 6);
    }

    [Fact]
    public void Update_RepeatedSuccessAlongOneAxis_StretchesTheCovarianceThatWay()
    {
        var state = State(ImproverGenome.Default.Cma with { LearningRate = 4 });
        for (var i = 0; i < 40; i++)
            state.Update(Mean, [Mean[0] + 0.05 * state.Sigma, Mean[1], Mean[2]], success: true);
        // StepOf(i) = sigma * scale_i * sqrt(C_ii), with scales |1.0| and |-2.0|.
        var spread0 = state.StepOf(0) / (state.Sigma * 1.0);
        var spread1 = state.StepOf(1) / (state.Sigma * 2.0);
        Assert.True(spread0 > 2 * spread1, $"sqrt(C00) {spread0}, sqrt(C11) {spread1}");
    }

    [Fact]
    public void Sample_SameSeedAndState_SamePoint() =>
        Assert.Equal(State().Sample(Mean, new SearchRandom(5)), State().Sample(Mean, new SearchRandom(5)));

    [Fact]
    public void Update_SameSequence_SameState()
    {
        var a = State();
        var b = State();
        foreach (var s in new[] { a, b })
        {
            for (var i = 0; i < 30; i++)
                s.Update(Mean, s.Sample(Mean, new SearchRandom((ulong)i)), success: i % 3 == 0);
        }
        Assert.Equal(a.Fingerprint(), b.Fingerprint());
    }
}
