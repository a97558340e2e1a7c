using System.Text.Json;
using Ratchet.Evaluation;
using Ratchet.Ledger;
using Ratchet.Oversight;
using Ratchet.Tasks;

namespace Ratchet.Runs.Oversight;

/// <summary>The run's oversight state: the active policy, its gate, the tripwires and what the gate needs to remember
/// (promotions since the last human review, recent promotions). Rebuilt from the ledger on resume, so a restarted run
/// judges exactly as the killed one would have.</summary>
internal sealed class RunOversight
{
    private readonly TaskSpec _task;
    private readonly List<PastPromotion> _recent = [];
    private StaticRulesAuditor _rules;
    private SizeAuditor _size;

    public RunOversight(TaskSpec task, Policy policy, long version)
    {
        _task = task;
        Policy = policy;
        Version = version;
        Gate = new Gate(policy);
        Tripwires = TripwireSet.FromPolicy(policy);
        _rules = StaticRulesAuditor.FromPolicy(policy);
        _size = SizeAuditor.FromPolicy(policy);
    }

    public Policy Policy { get; private set; }

    /// <summary>Version of the policy in the store (1 at run start, +1 per <c>ratchet policy apply</c>).</summary>
    public long Version { get; private set; }

    public Gate Gate { get; private set; }

    public TripwireSet Tripwires { get; private set; }

    /// <summary>Promotions applied since a human last answered a request.</summary>
    public int PromotionsSinceReview { get; private set; }

    /// <summary>Promotions applied after the root.</summary>
    public int Promotions { get; private set; }

    /// <summary>What the evaluator measures for a would-be champion, per the policy and the task.</summary>
    public PromotionChecks Checks => new(
        Policy.Auditors.Reproduce,
        Policy.Auditors.DeterministicCheck && _task.Objective.Deterministic,
        _task.Invariants)
    { DeterministicReruns = Policy.Auditors.DeterministicReruns };

    /// <summary>The auditors that judge a proposal before it runs: the static rules and the size caps.</summary>
    public IReadOnlyList<AuditVerdict> BeforeRun(StaticAuditInput input) => [_rules.Audit(input), _size.Audit(input)];

    /// <summary>The auditors that judge a would-be champion from its measurements.</summary>
    public IReadOnlyList<AuditVerdict> BeforePromotion(EvaluationReport report, CandidateViewScores champion)
    {
        var verdicts = new List<AuditVerdict>();
        if (_task.Holdout is not null)
        {
            if (report.Holdout is not { } holdout || !report.Checked)
                verdicts.Add(new AuditVerdict(HoldoutAgreementAuditor.AuditorName, Verdict.Reject, ["the sealed holdout was not measured for this candidate"]));
            else if (holdout.Outcome != Outcome.Ok || holdout.Score is null)
                verdicts.Add(new AuditVerdict(HoldoutAgreementAuditor.AuditorName, Verdict.Reject,
                    [$"the sealed holdout run ended {holdout.Outcome.ToWire()}: {string.Join("; ", holdout.Reasons)}"], RedTeamCategories.HoldoutDetection));
            else if (champion.Score is { } visible && champion.HoldoutScore is { } sealedScore)
                verdicts.Add(HoldoutAgreementAuditor.Judge(report.Score!.Value, visible, holdout.Score.Value, sealedScore,
                    _task.Objective.Direction, Policy.Auditors.HoldoutMargin));
        }
        if (report.Reproduction is { } rerun)
        {
            verdicts.Add(rerun.Outcome == Outcome.Ok && rerun.Score is { } again
                ? ReproducibilityAuditor.Judge(report.Score!.Value, again, Policy.Auditors.ReproduceTolerance,
                    ReproducibilityAuditor.NoiseAllowance(report.RepeatScores, rerun.RepeatScores))
                : new AuditVerdict(ReproducibilityAuditor.AuditorName, Verdict.Reject,
                    [$"the re-run ended {rerun.Outcome.ToWire()}: {string.Join("; ", rerun.Reasons)}"], RedTeamCategories.StatefulCheating));
        }
        if (report.DeterminismRerun is { } same)
        {
            verdicts.Add(same.Outcome == Outcome.Ok && report.OutputsHash is { } first && same.OutputsHash is { } second
                ? StatefulAuditor.Judge(first, second, same.Runs)
                : new AuditVerdict(StatefulAuditor.AuditorName, Verdict.Reject,
                    [$"same-seed re-run {same.Runs} ended {same.Outcome.ToWire()}: {string.Join("; ", same.Reasons)}"], RedTeamCategories.StatefulCheating));
        }
        foreach (var invariant in report.Invariants)
        {
            verdicts.Add(invariant.Passed
                ? AuditVerdict.Passed("invariant:" + invariant.Name)
                : new AuditVerdict("invariant:" + invariant.Name, Verdict.Reject, [$"invariant '{invariant.Name}' failed: {invariant.Detail}"]));
        }
        return verdicts;
    }

    /// <summary>Feeds one event to the tripwires.</summary>
    public IReadOnlyList<TripwireFire> Observe(OversightEvent e) => Tripwires.Observe(e);

    public void Promoted(DateTimeOffset at, long evaluations)
    {
        _recent.Add(new PastPromotion(at, evaluations));
        Promotions++;
        PromotionsSinceReview++;
    }

    /// <summary>A human answered a request: the checkpoint count starts again.</summary>
    public void Reviewed() => PromotionsSinceReview = 0;

    public GateDecision Decide(PromotionProposedEvent promotion, IReadOnlyList<AuditVerdict> verdicts, IReadOnlyList<TripwireFire> fired) =>
        Gate.Decide(new GateInput(promotion, verdicts, fired, PromotionsSinceReview, _recent, Tripwires.LastFireAt));

    /// <summary>Switches to a newly applied policy; the tripwires are rebuilt from the same events under it.</summary>
    public void Apply(Policy policy, long version, IEnumerable<LedgerEntry> ledger)
    {
        Policy = policy;
        Version = version;
        Gate = new Gate(policy);
        _rules = StaticRulesAuditor.FromPolicy(policy);
        _size = SizeAuditor.FromPolicy(policy);
        Tripwires = TripwireSet.Rebuild(policy, ledger.Select(OversightEvents.From).OfType<OversightEvent>());
    }

    /// <summary>Replays the ledger: tripwire state, promotions, reviews.</summary>
    public void Rebuild(IEnumerable<LedgerEntry> ledger)
    {
        foreach (var entry in ledger)
        {
            if (OversightEvents.From(entry) is { } e)
            {
                Tripwires.Observe(e);
                if (e is PromotedEvent)
                {
                    var evaluations = JsonDocument.Parse(entry.Payload).RootElement.TryGetProperty("evaluations", out var n) ? n.GetInt64() : 0;
                    Promoted(e.At, evaluations);
                }
            }
            else if (entry.Type is "approved" or "rejected-by-human")
            {
                Reviewed();
            }
        }
    }
}

/// <summary>The visible and sealed scores of the champion a candidate is compared with.</summary>
internal sealed record CandidateViewScores(double? Score, double? HoldoutScore);
