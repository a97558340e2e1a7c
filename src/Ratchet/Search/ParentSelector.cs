namespace Ratchet.Search;

/// <summary>How a parent was chosen.</summary>
public enum SelectionMode
{
    Exploit,
    Explore,
    Random,
}

/// <summary>Draws parents from the archive, mixing exploitation (a tournament among the island's elites), exploration
/// (island elites weighted towards few children) and uniformly random elites from any island.</summary>
public sealed class ParentSelector(SelectionOptions options)
{
    /// <summary>A parent for a proposal drawing from <paramref name="island"/>, or null while the archive is empty.</summary>
    public (ArchiveEntry Entry, SelectionMode Mode)? Select(Archive archive, int island, SearchRandom random)
    {
        var mode = (SelectionMode)Math.Max(0, random.Choose([options.Exploit, options.Explore, options.Random]));
        var local = archive.ElitesOf(island % archive.Islands);
        if (local.Count == 0)
            mode = SelectionMode.Random;
        switch (mode)
        {
            case SelectionMode.Exploit:
                return (Tournament(archive, local, random), mode);
            case SelectionMode.Explore:
                var weights = local.Select(e => 1.0 / (1 + archive.ChildrenOf(e.CandidateId))).ToArray();
                return (local[random.Choose(weights)], mode);
            default:
                var all = archive.All.ToArray();
                return all.Length == 0 ? null : (all[random.Next(all.Length)], SelectionMode.Random);
        }
    }

    /// <summary>The best of <see cref="SelectionOptions.Tournament"/> uniformly drawn elites (ties: the earlier draw).</summary>
    public ArchiveEntry Tournament(Archive archive, IReadOnlyList<ArchiveEntry> elites, SearchRandom random)
    {
        var best = elites[random.Next(elites.Count)];
        for (var i = 1; i < options.Tournament; i++)
        {
            var challenger = elites[random.Next(elites.Count)];
            if (archive.IsBetter(challenger.Score, best.Score))
                best = challenger;
        }
        return best;
    }
}
