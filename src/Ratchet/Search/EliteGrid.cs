namespace Ratchet.Search;

/// <summary>One island's MAP-Elites grid: at most one elite per cell, replaced only by a strictly better candidate.</summary>
public sealed class EliteGrid
{
    private readonly SortedDictionary<long, ArchiveEntry> _cells = [];

    /// <summary>Elites in cell order.</summary>
    public IReadOnlyList<ArchiveEntry> Elites => [.. _cells.Values];

    public int Count => _cells.Count;

    public ArchiveEntry? At(long cell) => _cells.GetValueOrDefault(cell);

    /// <summary>Puts <paramref name="entry"/> in its cell when the cell is empty or holds a worse elite.</summary>
    /// <param name="entry">The candidate.</param>
    /// <param name="better">True when the first score is strictly better than the second.</param>
    /// <param name="displaced">The elite it replaced, if any.</param>
    /// <returns>True when the entry was placed.</returns>
    public bool TryPlace(ArchiveEntry entry, Func<double, double, bool> better, out ArchiveEntry? displaced)
    {
        displaced = null;
        if (_cells.TryGetValue(entry.Cell, out var incumbent))
        {
            if (incumbent.CandidateId == entry.CandidateId || !better(entry.Score, incumbent.Score))
                return false;
            displaced = incumbent;
        }
        _cells[entry.Cell] = entry;
        return true;
    }
}
