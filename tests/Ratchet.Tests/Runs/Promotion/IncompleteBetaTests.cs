using Ratchet.Runs.Promotion;

namespace Ratchet.Tests.Runs.Promotion;

public sealed class IncompleteBetaTests
{
    [Theory]
    [InlineData(1, 1, 0.3, 0.3)]          // uniform: I_x(1,1) = x
    [InlineData(2, 3, 0.5, 0.6875)]       // integer a, b: a binomial tail, 11/16
    [InlineData(7.5, 7.5, 0.5, 0.5)]      // symmetric
    [InlineData(0.5, 0.5, 0.25, 1.0 / 3)] // arcsine law: (2/pi) asin(sqrt x)
    public void Regularized_MatchesClosedForms(double a, double b, double x, double expected)
    {
        Assert.Equal(expected, IncompleteBeta.Regularized(a, b, x), 1e-12);
    }

    [Fact]
    public void Regularized_OutsideTheUnitInterval_IsClamped()
    {
        Assert.Equal(0, IncompleteBeta.Regularized(2, 3, -0.1));
        Assert.Equal(1, IncompleteBeta.Regularized(2, 3, 1.5));
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(5, 3.1780538303479458)]   // ln 24
    [InlineData(0.5, 0.57236494292470009)] // ln sqrt(pi)
    [InlineData(100, 359.13420536957540)]
    public void LogGamma_MatchesKnownValues(double x, double expected)
    {
        Assert.Equal(expected, IncompleteBeta.LogGamma(x), 1e-10);
    }
}
