using Ratchet.Runs.Promotion;

namespace Ratchet.Tests.Runs.Promotion;

public sealed class SampleTests
{
    [Fact]
    public void Of_ComputesTheMeanAndTheUnbiasedVariance()
    {
        Assert.Equal(new Sample(4, 2.5, 5.0 / 3), Sample.Of([1, 2, 3, 4]));
    }

    [Fact]
    public void Of_OneScore_HasZeroVariance()
    {
        Assert.Equal(new Sample(1, 7, 0), Sample.Of([7]));
    }

    [Theory]
    [InlineData(new[] { 3.0 }, true)]
    [InlineData(new[] { 3.0, 3.0, 3.0 }, true)]
    [InlineData(new[] { 3.0, 3.0, 3.0000001 }, false)]
    public void IsConstant_IsTrueOnlyWhenEveryScoreIsEqual(double[] scores, bool constant)
    {
        Assert.Equal(constant, Sample.IsConstant(scores));
    }
}
