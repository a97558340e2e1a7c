namespace Ratchet.Reports;

/// <summary>Everything <c>ratchet report</c> shows, read from a run's store and ledger.</summary>
/// <param name="Summary">The run at a glance.</param>
/// <param name="Points">Every candidate in decision order, with its score when it has one.</param>
/// <param name="Champions">Promotions in order: the champion line.</param>
/// <param name="Lineage">The champion's ancestry, from the initial program to the champion.</param>
/// <param name="Outcomes">Candidates per assessment outcome (ok, crashed, ...).</param>
/// <param name="Statuses">Candidates per status (champion, accepted, rejected, ...).</param>
/// <param name="Oversight">Ledger events per type, audit verdicts and tripwire fires.</param>
public sealed record RunReport(
    ReportSummary Summary,
    IReadOnlyList<EvaluationPoint> Points,
    IReadOnlyList<ChampionStep> Champions,
    IReadOnlyList<LineageStep> Lineage,
    IReadOnlyDictionary<string, long> Outcomes,
    IReadOnlyDictionary<string, long> Statuses,
    OversightCounts Oversight);
