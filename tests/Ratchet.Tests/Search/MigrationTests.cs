using Ratchet.Search;
using Ratchet.Tasks;

namespace Ratchet.Tests.Search;

public sealed class MigrationTests
{
    [Theory]
    [InlineData(0, false)]
    [InlineData(4, false)]
    [InlineData(5, true)]
    [InlineData(10, true)]
    [InlineData(11, false)]
    public void IsDue_EveryIntervalDecisions(long decisions, bool due) =>
        Assert.Equal(due, new Migration(new MigrationOptions { Interval = 5 }, 1).IsDue(decisions));

    [Fact]
    public void IsDue_CountZero_Never() => Assert.False(new Migration(new MigrationOptions { Interval = 5, Count = 0 }, 1).IsDue(5));

    [Fact]
    public void Migrate_Ring_SendsEachIslandsBestToTheNext()
    {
        var archive = new Archive(SearchFixtures.OneCell(3), Direction.Maximize);
        SearchFixtures.Offer(archive, "root", 0, null, 0);
        var best0 = SearchFixtures.Offer(archive, "zero", 5, 0, 1);
        var best2 = SearchFixtures.Offer(archive, "two", 7, 2, 2);
        new Migration(new MigrationOptions { Topology = MigrationTopology.Ring }, 1).Migrate(archive);
        Assert.Equal(best2, archive.ElitesOf(0).Single().CandidateId);
        Assert.Equal(best0, archive.ElitesOf(1).Single().CandidateId);
        Assert.Equal(best2, archive.ElitesOf(2).Single().CandidateId);
        Assert.Equal(1, archive.Migrations);
    }

    [Fact]
    public void Migrate_Random_IsDeterministicForTheSameSeed()
    {
        string Run(ulong seed)
        {
            var archive = new Archive(SearchFixtures.OneCell(5), Direction.Maximize);
            SearchFixtures.Offer(archive, "root", 0, null, 0);
            for (var i = 0; i < 5; i++)
                SearchFixtures.Offer(archive, $"p{i}", i + 1, i, i + 1);
            new Migration(new MigrationOptions { Topology = MigrationTopology.Random }, seed).Migrate(archive);
            return archive.Fingerprint();
        }
        Assert.Equal(Run(3), Run(3));
        Assert.Contains(Enumerable.Range(4, 20), s => Run((ulong)s) != Run(3));
    }

    [Fact]
    public void Migrate_SingleIsland_DoesNothing()
    {
        var archive = new Archive(SearchFixtures.OneCell(1), Direction.Maximize);
        SearchFixtures.Offer(archive, "root", 0, null, 0);
        Assert.Equal(0, new Migration(new MigrationOptions(), 1).Migrate(archive));
    }
}
