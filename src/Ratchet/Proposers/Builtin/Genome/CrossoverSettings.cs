namespace Ratchet.Proposers.Builtin.Genome;

/// <summary>Crossover of evolve regions between two elites (<c>[crossover]</c>).</summary>
public sealed record CrossoverSettings
{
    /// <summary>Chance each differing block of lines is taken from the mate in line-level crossover (default 0.5, 0 to 1).</summary>
    public double LineRate { get; init; } = 0.5;

    /// <summary>Chance of region-level crossover (whole regions from the mate) when a file has several regions (default 0.25, 0 to 1).</summary>
    public double RegionLevel { get; init; } = 0.25;

    /// <summary>Chance the mate comes from another island (default 0.2, 0 to 1).</summary>
    public double OtherIsland { get; init; } = 0.2;
}
