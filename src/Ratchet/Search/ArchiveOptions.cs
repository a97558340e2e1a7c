namespace Ratchet.Search;

/// <summary>The archive's shape: how many islands, and the feature dimensions of each island's grid.</summary>
public sealed record ArchiveOptions
{
    /// <summary>Number of islands (default 1, 1 to 64). Each island holds its own grid; proposal k draws from island k mod
    /// islands. More islands keep more diversity but split the budget; on the constant-tuning objectives measured so far
    /// one island did best.</summary>
    public int Islands { get; init; } = 1;

    /// <summary>The grid's dimensions (default: program length relative to the root, 0.5 to 2.0, 10 bins; at most 4 dimensions).</summary>
    public IReadOnlyList<FeatureDimension> Features { get; init; } = [new(FeatureKind.Length, "", 0.5, 2.0, 10)];

    /// <summary>Cells per island: the product of the dimensions' bins.</summary>
    public long CellsPerIsland => Features.Aggregate(1L, (cells, f) => cells * Math.Max(1, f.Bins));

    public bool Equals(ArchiveOptions? other) =>
        other is not null && Islands == other.Islands && Features.SequenceEqual(other.Features);

    public override int GetHashCode() => HashCode.Combine(Islands, Features.Count);
}
