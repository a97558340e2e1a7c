using Ratchet.Runs.Promotion;

namespace Ratchet.Tests.Runs.Promotion;

public sealed class StudentTTests
{
    // Critical values from standard t tables (one-sided).
    [Theory]
    [InlineData(6.314, 1, 0.05)]
    [InlineData(2.015, 5, 0.05)]
    [InlineData(1.860, 8, 0.05)]
    [InlineData(2.896, 8, 0.01)]
    [InlineData(4.501, 8, 0.001)]
    [InlineData(2.552, 18, 0.01)]
    [InlineData(1.645, 1e7, 0.05)]
    public void UpperTail_AtTabulatedCriticalValues_MatchesTheTable(double t, double df, double expected)
    {
        Assert.Equal(expected, StudentT.UpperTail(t, df), expected * 2e-3);
    }

    [Fact]
    public void UpperTail_IsSymmetricAroundZero_AndMonotone()
    {
        Assert.Equal(0.5, StudentT.UpperTail(0, 7), 1e-12);
        Assert.Equal(1, StudentT.UpperTail(-1.3, 4.5) + StudentT.UpperTail(1.3, 4.5), 1e-12);
        Assert.True(StudentT.UpperTail(2, 3) > StudentT.UpperTail(2.1, 3));
        Assert.True(StudentT.UpperTail(2, 3) > StudentT.UpperTail(2, 30));
    }

    [Fact]
    public void UpperTail_AtTheEdges_IsExactOrNaN()
    {
        Assert.Equal(0, StudentT.UpperTail(double.PositiveInfinity, 3));
        Assert.Equal(1, StudentT.UpperTail(double.NegativeInfinity, 3));
        Assert.True(double.IsNaN(StudentT.UpperTail(double.NaN, 3)));
        Assert.True(double.IsNaN(StudentT.UpperTail(1, 0)));
    }
}
