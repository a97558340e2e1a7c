namespace Ratchet.Search;

/// <summary>What the run controller may read from the archive for reports: elites per island, occupancy, membership.</summary>
public interface IArchiveView
{
    /// <summary>Number of islands.</summary>
    int Islands { get; }

    /// <summary>Cells in each island's grid.</summary>
    long CellsPerIsland { get; }

    /// <summary>The elites of one island, in cell order.</summary>
    IReadOnlyList<ArchiveEntry> ElitesOf(int island);

    /// <summary>Occupied cells of one island.</summary>
    int OccupiedCells(int island);

    /// <summary>True while the candidate holds at least one cell on some island ("accepted").</summary>
    bool Contains(string candidateId);

    /// <summary>The best elite over all islands (ties: the earliest), or null while the archive is empty.</summary>
    ArchiveEntry? Best { get; }

    /// <summary>Migrations performed so far.</summary>
    long Migrations { get; }
}
