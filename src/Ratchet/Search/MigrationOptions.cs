namespace Ratchet.Search;

/// <summary>Where migrating elites go.</summary>
public enum MigrationTopology
{
    /// <summary>Island i sends to island i + 1 (mod islands).</summary>
    Ring,
    /// <summary>Each island sends to another island drawn from the run seed and the migration number.</summary>
    Random,
}

/// <summary>Periodic migration of elites between islands.</summary>
public sealed record MigrationOptions
{
    /// <summary>Decisions between migrations (default 20, 1 to 1,000,000); counted over all observed decisions after the root.</summary>
    public int Interval { get; init; } = 20;

    /// <summary>Best elites each island sends per migration (default 1, 0 to 64; 0 disables migration).</summary>
    public int Count { get; init; } = 1;

    /// <summary>Ring or random (default ring).</summary>
    public MigrationTopology Topology { get; init; } = MigrationTopology.Ring;
}
