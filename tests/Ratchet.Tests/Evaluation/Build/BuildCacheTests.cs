using Ratchet.Evaluation.Build;

namespace Ratchet.Tests.Evaluation.Build;

public sealed class BuildCacheTests
{
    private static BuildResult Result(string error) => new([], error, TimeSpan.Zero);

    [Fact]
    public void TryGet_WhenKeyWasAdded_ReturnsTheResult()
    {
        var cache = new BuildCache(2);
        cache.Add("a", Result("A"));

        Assert.True(cache.TryGet("a", out var found));
        Assert.Equal("A", found.Error);
    }

    [Fact]
    public void Add_WhenFull_EvictsTheLeastRecentlyUsed()
    {
        var cache = new BuildCache(2);
        cache.Add("a", Result("A"));
        cache.Add("b", Result("B"));
        cache.TryGet("a", out _);

        cache.Add("c", Result("C"));

        Assert.True(cache.TryGet("a", out _));
        Assert.False(cache.TryGet("b", out _));
        Assert.True(cache.TryGet("c", out _));
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void Add_WhenCapacityIsZero_KeepsNothing()
    {
        var cache = new BuildCache(0);

        cache.Add("a", Result("A"));

        Assert.False(cache.TryGet("a", out _));
    }

    [Fact]
    public void Add_WhenKeyExists_ReplacesWithoutGrowing()
    {
        var cache = new BuildCache(2);
        cache.Add("a", Result("A1"));

        cache.Add("a", Result("A2"));

        Assert.True(cache.TryGet("a", out var found));
        Assert.Equal("A2", found.Error);
        Assert.Equal(1, cache.Count);
    }
}
