using Ratchet.Evaluation;
using Ratchet.Tasks;

namespace Ratchet.Runs;

/// <summary>A candidate between proposal and decision, in the controller's memory.</summary>
internal sealed class QueueItem(long seq, string id, ProgramSnapshot program, string? parent, string @operator, double? championScoreAtProposal)
{
    public long Seq { get; } = seq;

    public string Id { get; } = id;

    public ProgramSnapshot Program { get; } = program;

    public string? Parent { get; } = parent;

    public string Operator { get; } = @operator;

    /// <summary>The champion's visible score when this was proposed (decides whether the holdout is measured).</summary>
    public double? ChampionScoreAtProposal { get; } = championScoreAtProposal;

    /// <summary>The worker slot its evaluation was started in (which share of the CPUs its sandboxes use); -1: none.</summary>
    public int Slot { get; set; } = -1;

    /// <summary>The evaluation in flight, if started.</summary>
    public Task<EvaluationReport>? Running { get; set; }

    /// <summary>The stored assessment, once known.</summary>
    public EvaluationReport? Report { get; set; }

    /// <summary>Verdicts given before it ran (static rules, size).</summary>
    public IReadOnlyList<Ratchet.Oversight.AuditVerdict> Verdicts { get; set; } = [];

    /// <summary>The red-team category of a task-rule rejection (e.g. "grader-overwrite"), when rejected before running.</summary>
    public string? RuleCategory { get; set; }

    /// <summary>True when the proposal touched protected files or the policy.</summary>
    public bool TouchedProtected { get; set; }

    /// <summary>The confirmation round in flight (the champion and this candidate measured again on fresh seeds).</summary>
    public Task<(EvaluationReport Champion, EvaluationReport Candidate)>? Confirming { get; set; }

    /// <summary>Set once the decision promoted it.</summary>
    public bool Promoted { get; set; }

    /// <summary>Set once a decision other than promotion was committed.</summary>
    public Storage.CandidateStatus? Concluded { get; set; }
}
