namespace Ratchet.Search;

/// <summary>Moves copies of each island's best elites to another island every <see cref="MigrationOptions.Interval"/>
/// decisions. Deterministic: ring, or random targets drawn from the run seed and the migration number.</summary>
public sealed class Migration(MigrationOptions options, ulong runSeed)
{
    /// <summary>True when the <paramref name="decisions"/>-th decision after the root triggers a migration.</summary>
    public bool IsDue(long decisions) => options.Count > 0 && decisions > 0 && decisions % options.Interval == 0;

    /// <summary>Sends each island's best <see cref="MigrationOptions.Count"/> elites (chosen before anything moves) to
    /// its target island, where each takes its cell if it beats the resident. Returns the number of elites placed.</summary>
    public int Migrate(Archive archive)
    {
        if (archive.Islands < 2)
            return 0;
        var random = new SearchRandom(SearchRandom.Derive(runSeed, (ulong)archive.Migrations));
        var emigrants = new List<ArchiveEntry>();
        for (var island = 0; island < archive.Islands; island++)
        {
            var target = options.Topology == MigrationTopology.Ring
                ? (island + 1) % archive.Islands
                : (island + 1 + random.Next(archive.Islands - 1)) % archive.Islands;
            var best = archive.ElitesOf(island)
                .OrderBy(e => e, Comparer<ArchiveEntry>.Create((a, b) => Compare(archive, a, b)))
                .Take(options.Count);
            emigrants.AddRange(best.Select(e => e with { Island = target }));
        }
        archive.CountMigration();
        return emigrants.Count(archive.Place);
    }

    /// <summary>Best first; ties by earlier decision, then by cell.</summary>
    private static int Compare(Archive archive, ArchiveEntry a, ArchiveEntry b)
    {
        if (archive.IsBetter(a.Score, b.Score))
            return -1;
        if (archive.IsBetter(b.Score, a.Score))
            return 1;
        return a.Index != b.Index ? a.Index.CompareTo(b.Index) : a.Cell.CompareTo(b.Cell);
    }
}
