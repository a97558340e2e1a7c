using Ratchet.Search;
using Ratchet.Tasks;

namespace Ratchet.Tests.Search;

public sealed class ParentSelectorTests
{
    private static Archive FourCells()
    {
        var options = new ArchiveOptions { Islands = 2, Features = [new FeatureDimension(FeatureKind.Length, "", 0.5, 4.5, 4)] };
        var archive = new Archive(options, Direction.Maximize);
        SearchFixtures.Offer(archive, "aa", 1, null, 0);
        SearchFixtures.Offer(archive, "aaaa", 2, 0, 1);
        SearchFixtures.Offer(archive, "aaaaaa", 3, 0, 2);
        SearchFixtures.Offer(archive, "bbbbbbbb", 9, 1, 3);
        return archive;
    }

    [Fact]
    public void Select_ExploitWithLargeTournament_PicksTheIslandsBest()
    {
        var selector = new ParentSelector(new SelectionOptions { Exploit = 1, Explore = 0, Random = 0, Tournament = 64 });
        var archive = FourCells();
        for (ulong s = 0; s < 50; s++)
        {
            var (entry, mode) = selector.Select(archive, 0, new SearchRandom(s))!.Value;
            Assert.Equal(SelectionMode.Exploit, mode);
            Assert.Equal(3, entry.Score);
        }
    }

    [Fact]
    public void Select_Explore_FavoursElitesWithFewChildren()
    {
        var selector = new ParentSelector(new SelectionOptions { Exploit = 0, Explore = 1, Random = 0 });
        var archive = FourCells();
        var busy = archive.ElitesOf(0).Single(e => e.Score == 3).CandidateId;
        for (var i = 0; i < 50; i++)
            archive.RecordChild(busy);
        var picks = Enumerable.Range(0, 300).Select(s => selector.Select(archive, 0, new SearchRandom((ulong)s))!.Value.Entry.CandidateId);
        Assert.True(picks.Count(id => id == busy) < 20);
    }

    [Fact]
    public void Select_Random_ReachesOtherIslands()
    {
        var selector = new ParentSelector(new SelectionOptions { Exploit = 0, Explore = 0, Random = 1 });
        var archive = FourCells();
        var scores = Enumerable.Range(0, 200).Select(s => selector.Select(archive, 0, new SearchRandom((ulong)s))!.Value.Entry.Score).ToHashSet();
        Assert.Contains(9.0, scores);
    }

    [Fact]
    public void Select_EmptyArchive_GivesNull()
    {
        var archive = new Archive(new ArchiveOptions(), Direction.Maximize);
        Assert.Null(new ParentSelector(new SelectionOptions()).Select(archive, 0, new SearchRandom(1)));
    }
}
