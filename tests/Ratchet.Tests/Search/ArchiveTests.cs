using Ratchet.Search;
using Ratchet.Tasks;

namespace Ratchet.Tests.Search;

public sealed class ArchiveTests
{
    [Fact]
    public void Offer_RootWithoutIsland_SeedsEveryIsland()
    {
        var archive = new Archive(SearchFixtures.OneCell(3), Direction.Maximize);
        var root = SearchFixtures.Offer(archive, "root", 1, island: null, 0);
        Assert.All(Enumerable.Range(0, 3), i => Assert.Equal(root, Assert.Single(archive.ElitesOf(i)).CandidateId));
    }

    [Fact]
    public void Offer_OnlyAStrictlyBetterCandidateTakesTheCell()
    {
        var archive = new Archive(SearchFixtures.OneCell(1), Direction.Minimize);
        var first = SearchFixtures.Offer(archive, "a", 5, 0, 1);
        var tie = SearchFixtures.Offer(archive, "b", 5, 0, 2);
        var worse = SearchFixtures.Offer(archive, "c", 6, 0, 3);
        Assert.True(archive.Contains(first));
        Assert.False(archive.Contains(tie));
        Assert.False(archive.Contains(worse));
        var better = SearchFixtures.Offer(archive, "d", 4, 0, 4);
        Assert.True(archive.Contains(better));
        Assert.False(archive.Contains(first));
    }

    [Fact]
    public void Contains_StaysTrueWhileAnyIslandHoldsTheCandidate()
    {
        var archive = new Archive(SearchFixtures.OneCell(2), Direction.Maximize);
        var root = SearchFixtures.Offer(archive, "root", 1, null, 0);
        SearchFixtures.Offer(archive, "better", 2, 0, 1);
        Assert.True(archive.Contains(root));
        SearchFixtures.Offer(archive, "best", 3, 1, 2);
        Assert.False(archive.Contains(root));
    }

    [Fact]
    public void Offer_DifferentLengths_FillDifferentCells()
    {
        var options = new ArchiveOptions { Islands = 1, Features = [new FeatureDimension(FeatureKind.Length, "", 0.5, 2.5, 4)] };
        var archive = new Archive(options, Direction.Maximize);
        SearchFixtures.Offer(archive, "xxxx", 1, null, 0);
        SearchFixtures.Offer(archive, "xxxxxxxx", 1, 0, 1);
        Assert.Equal(2, archive.OccupiedCells(0));
        Assert.Equal(4, archive.CellsPerIsland);
    }

    [Fact]
    public void Best_IsTheBestOverAllIslandsEarliestOnTies()
    {
        var archive = new Archive(SearchFixtures.OneCell(2), Direction.Maximize);
        SearchFixtures.Offer(archive, "root", 1, null, 0);
        var early = SearchFixtures.Offer(archive, "a", 3, 1, 1);
        SearchFixtures.Offer(archive, "b", 3, 0, 2);
        Assert.Equal(early, archive.Best!.CandidateId);
    }

    [Fact]
    public void Fingerprint_SameCallsInTheSameOrder_SameState()
    {
        Archive Build()
        {
            var archive = new Archive(new ArchiveOptions { Islands = 3 }, Direction.Minimize);
            SearchFixtures.Offer(archive, "root", 10, null, 0);
            for (var i = 1; i < 40; i++)
            {
                SearchFixtures.Offer(archive, new string('x', i % 7 + 3) + i, 10 - (i % 5), i % 3, i);
                archive.RecordChild(SearchFixtures.Program("root").Id);
            }
            new Migration(new MigrationOptions(), 9).Migrate(archive);
            return archive;
        }
        Assert.Equal(Build().Fingerprint(), Build().Fingerprint());
    }
}
