namespace Ratchet.RedTeam;

/// <summary>How to run the red team (one options surface for the command line; defaults here).</summary>
public sealed record RedTeamOptions
{
    /// <summary>Cases at once; default: the number of cores.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Only cases whose name, category or target contains this text; default null (all).</summary>
    public string? Filter { get; init; }

    /// <summary>A case's run is cut off after this long (and that counts as harm: the run did not end). Default 120 s.</summary>
    public TimeSpan CaseDeadline { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Folder for the cases' temporary folders; default the system temp folder.</summary>
    public string? WorkDirectory { get; init; }

    /// <summary>Keep each case's folder (task copy, state, canaries) for inspection; default false.</summary>
    public bool Keep { get; init; }
}
