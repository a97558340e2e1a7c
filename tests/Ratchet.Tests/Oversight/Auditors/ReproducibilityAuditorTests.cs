using Ratchet.Oversight;

namespace Ratchet.Tests.Oversight.Auditors;

public sealed class ReproducibilityAuditorTests
{
    [Theory]
    [InlineData(100.0, 100.0, 0.0, Verdict.Pass)]
    [InlineData(100.0, 98.0, 0.02, Verdict.Pass)]
    [InlineData(100.0, 97.9, 0.02, Verdict.Reject)]
    [InlineData(-50.0, -51.0, 0.02, Verdict.Pass)]
    [InlineData(0.0, 0.0, 0.0, Verdict.Pass)]
    [InlineData(0.0, 0.001, 0.5, Verdict.Reject)]
    public void Judge_ComparesTheRelativeDifferenceWithTheTolerance(double first, double rerun, double tolerance, Verdict expected)
    {
        Assert.Equal(expected, ReproducibilityAuditor.Judge(first, rerun, tolerance).Verdict);
    }

    [Fact]
    public void Judge_WhenTheRerunDiffers_RejectsAsSeedLuckWithTheNumbers()
    {
        var verdict = ReproducibilityAuditor.Judge(2.6, 2.4, 0.02);

        Assert.Equal(RedTeamCategories.SeedLuck, verdict.Category);
        Assert.Contains("first score 2.6, re-run 2.4", verdict.Reasons.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_WhenAScoreIsInfinite_RejectsAsNonFinite()
    {
        Assert.Equal(RedTeamCategories.NonFinite, ReproducibilityAuditor.Judge(double.PositiveInfinity, 1, 0.1).Category);
    }
}
