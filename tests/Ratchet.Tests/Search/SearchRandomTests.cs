using Ratchet.Search;

namespace Ratchet.Tests.Search;

public sealed class SearchRandomTests
{
    [Fact]
    public void SameSeed_SameStream()
    {
        var a = new SearchRandom(42);
        var b = new SearchRandom(42);
        Assert.Equal(Enumerable.Range(0, 10).Select(_ => a.NextULong()), Enumerable.Range(0, 10).Select(_ => b.NextULong()));
    }

    [Fact]
    public void Derive_DifferentStreams_DifferentSeeds() =>
        Assert.Equal(100, Enumerable.Range(0, 100).Select(i => SearchRandom.Derive(7, (ulong)i)).Distinct().Count());

    [Fact]
    public void Next_StaysInRange()
    {
        var random = new SearchRandom(1);
        Assert.All(Enumerable.Range(0, 1000), _ => Assert.InRange(random.Next(7), 0, 6));
    }

    [Fact]
    public void NextBeta_MeanIsNearTheExpectation()
    {
        var random = new SearchRandom(3);
        var mean = Enumerable.Range(0, 20000).Average(_ => random.NextBeta(2, 6));
        Assert.InRange(mean, 0.24, 0.26);
    }

    [Fact]
    public void Choose_FollowsWeightsAndSkipsZero()
    {
        var random = new SearchRandom(5);
        var picks = Enumerable.Range(0, 10000).Select(_ => random.Choose([1.0, 0.0, 3.0])).ToArray();
        Assert.DoesNotContain(1, picks);
        Assert.InRange(picks.Count(p => p == 2) / 10000.0, 0.72, 0.78);
        Assert.Equal(-1, random.Choose([0.0, 0.0]));
    }
}
