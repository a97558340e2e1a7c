namespace Ratchet.Proposers.Builtin.Genome;

/// <summary>Line edits (<c>[lines]</c>).</summary>
public sealed record LineSettings
{
    /// <summary>How many lines away a swap or move may reach (default 12, 1 to 100,000).</summary>
    public int Window { get; init; } = 12;
}
