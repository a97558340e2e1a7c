using Ratchet.Search;

namespace Ratchet.Tests.Search;

public sealed class EliteGridTests
{
    private static ArchiveEntry Entry(string id, double score, long cell) =>
        new(id, SearchFixtures.Program(id), score, null, 0, cell, 0);

    [Fact]
    public void TryPlace_ReportsTheDisplacedElite()
    {
        var grid = new EliteGrid();
        Assert.True(grid.TryPlace(Entry("a", 1, 3), (x, y) => x > y, out var none));
        Assert.Null(none);
        Assert.True(grid.TryPlace(Entry("b", 2, 3), (x, y) => x > y, out var displaced));
        Assert.Equal("a", displaced!.CandidateId);
        Assert.Equal("b", grid.At(3)!.CandidateId);
    }

    [Fact]
    public void Elites_AreInCellOrder()
    {
        var grid = new EliteGrid();
        grid.TryPlace(Entry("c", 1, 9), (x, y) => x > y, out _);
        grid.TryPlace(Entry("a", 1, 2), (x, y) => x > y, out _);
        Assert.Equal(["a", "c"], grid.Elites.Select(e => e.CandidateId));
    }

    [Fact]
    public void TryPlace_SameCandidateAgain_IsNotPlaced()
    {
        var grid = new EliteGrid();
        grid.TryPlace(Entry("a", 1, 0), (x, y) => true, out _);
        Assert.False(grid.TryPlace(Entry("a", 1, 0), (x, y) => true, out _));
    }
}
