namespace Ratchet.Reports;

/// <summary>The run at a glance: task, state, counts, the best candidate and how candidates were isolated.</summary>
/// <param name="State">Run state as <c>ratchet status</c> shows it (a run whose process died reads <c>interrupted</c>).</param>
/// <param name="Metric">Objective metric from the run-started event; null when the ledger lacks it.</param>
/// <param name="Maximize">Objective direction; null when unknown (gains are then not signed).</param>
/// <param name="SandboxMode">The sandbox mode recorded at the run's latest start (e.g. <c>bwrap</c>, <c>none</c>).</param>
/// <param name="Unsafe">True when candidates ran without isolation (<c>--unsafe-no-sandbox</c> or mode <c>none</c>).</param>
/// <param name="Isolation">The task's isolation note from the run-started event, e.g. the weaker <c>[evaluate]</c> mode.</param>
public sealed record ReportSummary(
    string Task,
    string State,
    string? EndedReason,
    long Evaluations,
    string? BestId,
    double? BestScore,
    string? BestLabel,
    string? Metric,
    bool? Maximize,
    string SandboxMode,
    bool Unsafe,
    IReadOnlyList<string> SandboxWarnings,
    string? Isolation,
    string Proposer,
    long Seed,
    double WallSeconds,
    string Created,
    long LedgerEvents);
