using Ratchet.Runs.Promotion;

namespace Ratchet.Tests.Runs.Promotion;

public sealed class WelchTestTests
{
    [Fact]
    public void Run_OnUnequalVariances_UsesTheWelchSatterthwaiteDegreesOfFreedom()
    {
        var incumbent = Sample.Of([10, 11, 12, 13]);
        var candidate = Sample.Of([14, 18, 22, 26, 30]);
        var result = WelchTest.Run(incumbent, candidate, candidate.Mean - incumbent.Mean, 0, 0.05)!;
        // By hand: s2 = 1.6667/4 and 40/5; se = sqrt(0.41667 + 8) = 2.9012; t = 10.5 / se; df = 70.84 / (0.05787 + 16).
        Assert.Equal(2.9012, result.StandardError, 1e-4);
        Assert.Equal(10.5 / 2.9012, result.T, 1e-3);
        Assert.Equal(4.4117, result.DegreesOfFreedom, 1e-3);
        Assert.True(result.Passed);
    }

    [Fact]
    public void Run_SubtractsTheMarginBeforeTesting()
    {
        var incumbent = Sample.Of([1.0, 1.1, 0.9]);
        var candidate = Sample.Of([2.0, 2.1, 1.9]);
        Assert.True(WelchTest.Run(incumbent, candidate, 1, 0, 0.05)!.Passed);
        Assert.False(WelchTest.Run(incumbent, candidate, 1, 1, 0.05)!.Passed);
    }

    [Fact]
    public void Run_WhenOneSideHasOneScore_BorrowsTheOtherSidesVariance()
    {
        var result = WelchTest.Run(Sample.Of([5.0]), Sample.Of([6.0, 7.0, 8.0]), 2, 0, 0.05)!;
        Assert.Equal(Math.Sqrt(1.0 / 1 + 1.0 / 3), result.StandardError, 1e-12);
        Assert.Equal(2, result.DegreesOfFreedom);
    }

    [Fact]
    public void Run_WhenNeitherSideVaries_ReturnsNull()
    {
        Assert.Null(WelchTest.Run(Sample.Of([1.0, 1.0]), Sample.Of([2.0, 2.0, 2.0]), 1, 0, 0.05));
    }
}
