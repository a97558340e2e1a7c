using Ratchet.Evaluation;
using Ratchet.Tasks;

namespace Ratchet.Oversight;

/// <summary>An auditor's verdict on a candidate.</summary>
public enum Verdict
{
    Pass,
    Flag,
    Reject,
}

/// <summary>One auditor's verdict with its reasons (recorded on the candidate and in the ledger).</summary>
/// <param name="Auditor">Stable auditor name, e.g. "static-rules", "holdout-agreement".</param>
/// <param name="Category">The REDTEAM.md category when the verdict is about an attack (e.g. "grader-patch"), else null.</param>
public sealed record AuditVerdict(string Auditor, Verdict Verdict, IReadOnlyList<string> Reasons, string? Category = null)
{
    public static AuditVerdict Passed(string auditor) => new(auditor, Verdict.Pass, []);
}

/// <summary>What a static auditor sees before a candidate runs.</summary>
/// <param name="Task">The task.</param>
/// <param name="Parent">The parent program.</param>
/// <param name="Candidate">The proposed program (full files).</param>
/// <param name="Diff">Unified diff parent → candidate.</param>
public sealed record StaticAuditInput(TaskSpec Task, ProgramSnapshot Parent, ProgramSnapshot Candidate, string Diff);

/// <summary>An auditor that judges a proposal from its text alone, before it costs a sandbox run.</summary>
public interface IStaticAuditor
{
    string Name { get; }

    AuditVerdict Audit(StaticAuditInput input);
}

/// <summary>Something that happened in a run, as tripwires read it. Times come from the ledger, so replaying the
/// stored events on resume rebuilds every tripwire's state exactly.</summary>
public abstract record OversightEvent(long Seq, DateTimeOffset At);

/// <summary>A candidate's assessment was stored.</summary>
/// <param name="LineageRoot">Id of the first non-root ancestor (for "violations in one lineage"); the candidate itself when its parent is the root.</param>
/// <param name="ResultsRefused">True when the sandbox refused the results (links, pipes, oversize).</param>
public sealed record EvaluatedEvent(long Seq, DateTimeOffset At, string CandidateId, string? ParentId, string LineageRoot,
    Outcome Outcome, IReadOnlyList<string> Reasons, double CpuSeconds, int SandboxRuns, bool ResultsRefused) : OversightEvent(Seq, At);

/// <summary>A candidate was rejected by a rule or an auditor.</summary>
/// <param name="By">"task-rules" (protected files, evolve blocks), or the auditor's name.</param>
/// <param name="Category">REDTEAM category when known, e.g. "grader-overwrite", "policy-edit".</param>
/// <param name="TouchedProtected">True when the proposal touched protected files or the policy.</param>
public sealed record RejectedEvent(long Seq, DateTimeOffset At, string CandidateId, string LineageRoot, string By, string? Category,
    IReadOnlyList<string> Reasons, bool TouchedProtected) : OversightEvent(Seq, At);

/// <summary>A candidate is about to be promoted (auditors passed). Tripwires that fire on it hold the promotion for a human.</summary>
/// <param name="Gain">Improvement over the previous champion in metric units (positive = better).</param>
/// <param name="RelativeGain">Gain divided by |previous score| (null when there is no previous champion or it is 0).</param>
/// <param name="PromotionNumber">1 for the first promotion after the root, 2 for the next, ...</param>
/// <param name="IsMeta">True for a change to the improver itself (a later issue).</param>
public sealed record PromotionProposedEvent(long Seq, DateTimeOffset At, string CandidateId, double Score, double? PreviousScore,
    double? Gain, double? RelativeGain, long EvaluationsSoFar, int PromotionNumber, bool IsMeta) : OversightEvent(Seq, At);

/// <summary>A promotion was applied (after any approval).</summary>
public sealed record PromotedEvent(long Seq, DateTimeOffset At, string CandidateId, double Score, double? Gain, double? RelativeGain)
    : OversightEvent(Seq, At);

/// <summary>A tripwire tripped: the run pauses and a human is asked.</summary>
/// <param name="Tripwire">Stable name, e.g. "score-jump".</param>
/// <param name="Reason">In words, with the numbers that tripped it.</param>
/// <param name="CandidateId">The candidate it is about, when there is one.</param>
public sealed record TripwireFire(string Tripwire, string Reason, string? CandidateId);

/// <summary>Reads the run's events in order; returns a fire when it trips.</summary>
public interface ITripwire
{
    string Name { get; }

    TripwireFire? Observe(OversightEvent e);
}
