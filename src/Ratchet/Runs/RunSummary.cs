namespace Ratchet.Runs;

/// <summary>Where a run stands, for <c>run --json</c>, <c>status</c> and the live display.</summary>
public sealed record RunSummary
{
    public required RunState State { get; init; }

    /// <summary>Why the run ended (which limit, the proposer running out, a stop), when it did.</summary>
    public string? EndedReason { get; init; }

    /// <summary>Evaluations counted against the budget (assessed or rejected before running), the initial program included.</summary>
    public long Evaluations { get; init; }

    /// <summary>Candidates proposed but not yet decided.</summary>
    public long Pending { get; init; }

    /// <summary>The effective evaluation limit, when there is one.</summary>
    public long? EvaluationLimit { get; init; }

    public string? BestId { get; init; }

    public double? BestScore { get; init; }

    public IReadOnlyDictionary<string, long> Outcomes { get; init; } = new Dictionary<string, long>();

    public long SandboxRuns { get; init; }

    public double CpuSeconds { get; init; }

    public double WallSeconds { get; init; }
}
