using Ratchet.Runs.Promotion;

namespace Ratchet.Tests.Runs.Promotion;

public sealed class PromotionOptionsTests
{
    [Theory]
    [InlineData(null, 100)]
    [InlineData(20L, 100)]
    [InlineData(500L, 500)]
    [InlineData(5_000L, 1_000)]
    [InlineData(10_000_000_000L, 1_000)]
    public void ForEvaluationLimit_CoversTheRun_BetweenTheDefaultAndTheCap(long? evaluations, int comparisons)
    {
        Assert.Equal(comparisons, PromotionOptions.ForEvaluationLimit(evaluations).Comparisons);
    }

    [Fact]
    public void Validate_OnDefaults_FindsNothing()
    {
        Assert.Empty(new PromotionOptions().Validate());
        Assert.Equal(100, new PromotionOptions().Comparisons);
        Assert.Null(new PromotionOptions().ConfirmationRepeats);
    }
}
