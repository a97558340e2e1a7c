using System.Globalization;
using System.Text;
using Ratchet.Tasks;

namespace Ratchet.Search;

/// <summary>The archive's storage: one <see cref="EliteGrid"/> per island, which candidates it holds and how many
/// children each candidate has had. Selection (<see cref="ParentSelector"/>) and migration (<see cref="Migration"/>)
/// are separate. Its state depends only on the calls made, in order, so replaying decisions rebuilds it exactly.</summary>
public sealed class Archive : IArchiveView
{
    private readonly ArchiveOptions _options;
    private readonly EliteGrid[] _islands;
    private readonly Dictionary<string, int> _holdings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _children = new(StringComparer.Ordinal);
    private FeatureSpace? _space;

    public Archive(ArchiveOptions options, Direction direction)
    {
        _options = options;
        Direction = direction;
        _islands = [.. Enumerable.Range(0, Math.Max(1, options.Islands)).Select(_ => new EliteGrid())];
    }

    public Direction Direction { get; }

    public int Islands => _islands.Length;

    public long CellsPerIsland => _options.CellsPerIsland;

    public long Migrations { get; private set; }

    public ArchiveEntry? Best
    {
        get
        {
            ArchiveEntry? best = null;
            foreach (var entry in All)
            {
                if (best is null || IsBetter(entry.Score, best.Score) || (entry.Score == best.Score && entry.Index < best.Index))
                    best = entry;
            }
            return best;
        }
    }

    /// <summary>Every held entry, island by island, in cell order.</summary>
    public IEnumerable<ArchiveEntry> All => _islands.SelectMany(i => i.Elites);

    public IReadOnlyList<ArchiveEntry> ElitesOf(int island) => _islands[island].Elites;

    public int OccupiedCells(int island) => _islands[island].Count;

    public bool Contains(string candidateId) => _holdings.ContainsKey(candidateId);

    public int ChildrenOf(string candidateId) => _children.GetValueOrDefault(candidateId);

    /// <summary>True when score <paramref name="a"/> is strictly better than <paramref name="b"/>.</summary>
    public bool IsBetter(double a, double b) => Direction == Direction.Maximize ? a > b : a < b;

    /// <summary>Fixes the feature space from the root program: program length is measured relative to it.</summary>
    public void SetRoot(ProgramSnapshot root) => _space ??= new FeatureSpace(_options.Features, root.Length);

    /// <summary>Offers an ok candidate to one island (or every island when <paramref name="island"/> is null, as for
    /// the root). Returns true when it now holds a cell.</summary>
    public bool Offer(string candidateId, ProgramSnapshot program, double score, string? metrics, int? island, long index)
    {
        SetRoot(program);
        var cell = _space!.CellOf(program, metrics);
        var placed = false;
        var targets = island is { } one ? [one] : Enumerable.Range(0, Islands);
        foreach (var target in targets)
            placed |= Place(new ArchiveEntry(candidateId, program, score, metrics, target, cell, index));
        return placed;
    }

    /// <summary>Places an entry on its own island (migrants keep their cell and index).</summary>
    public bool Place(ArchiveEntry entry)
    {
        if (!_islands[entry.Island].TryPlace(entry, IsBetter, out var displaced))
            return false;
        _holdings[entry.CandidateId] = _holdings.GetValueOrDefault(entry.CandidateId) + 1;
        if (displaced is not null && --_holdings[displaced.CandidateId] == 0)
            _holdings.Remove(displaced.CandidateId);
        return true;
    }

    /// <summary>Counts a child of <paramref name="parentId"/> (exploration favours elites with few children).</summary>
    public void RecordChild(string parentId) => _children[parentId] = _children.GetValueOrDefault(parentId) + 1;

    internal void CountMigration() => Migrations++;

    /// <summary>A canonical text of the whole state, for checking that a replay rebuilt it exactly.</summary>
    public string Fingerprint()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"migrations={Migrations}\n");
        foreach (var entry in All)
            text.Append(CultureInfo.InvariantCulture, $"{entry.Island}/{entry.Cell}: {entry.CandidateId} {entry.Score:R} #{entry.Index}\n");
        foreach (var (id, count) in _children.OrderBy(c => c.Key, StringComparer.Ordinal))
            text.Append(CultureInfo.InvariantCulture, $"children {id}={count}\n");
        return text.ToString();
    }
}
