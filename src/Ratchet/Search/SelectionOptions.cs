namespace Ratchet.Search;

/// <summary>How parents are drawn from the archive: a mix of exploitation, exploration and random picks.</summary>
public sealed record SelectionOptions
{
    /// <summary>Weight of exploitation: a tournament among the island's elites, best visible score wins (default 0.6).</summary>
    public double Exploit { get; init; } = 0.6;

    /// <summary>Weight of exploration: an island elite drawn in favour of cells that have had few children (default 0.25).</summary>
    public double Explore { get; init; } = 0.25;

    /// <summary>Weight of a uniformly random elite from any island (default 0.15).</summary>
    public double Random { get; init; } = 0.15;

    /// <summary>Tournament size for exploitation (default 3, 1 to 64).</summary>
    public int Tournament { get; init; } = 3;
}
