using System.Text.Json;
using Ratchet.Common;
using Ratchet.Evaluation;
using Ratchet.Ledger;
using Ratchet.Oversight;
using Ratchet.Proposers;
using Ratchet.Runs.Oversight;
using Ratchet.Storage;

namespace Ratchet.Runs;

public sealed partial class RunController
{
    private void RecordEvaluation(QueueItem item, EvaluationReport report)
    {
        item.Report = report;
        Count(report);
        // Joins the decision's transaction when the decision follows at once (the usual case): one commit fewer per
        // evaluation. The loop flushes before it waits; a crash before that only means the evaluation is done again.
        _store.Defer(tx =>
        {
            Store.RecordEvaluation(tx, item.Id, report);
            tx.Append("evaluation", new
            {
                candidate = item.Id,
                seq = item.Seq,
                outcome = report.Outcome.ToWire(),
                score = report.Score,
                repeats = report.RepeatScores.Count > 1 ? report.RepeatScores : null,
                reasons = report.Reasons.Count > 0 ? report.Reasons : null,
                holdout = report.Holdout is { } h ? new { outcome = h.Outcome.ToWire(), score = h.Score } : null,
                reproduction = report.Reproduction is { } r ? new { outcome = r.Outcome.ToWire(), score = r.Score } : null,
                invariants = report.Invariants.Count > 0 ? report.Invariants.Select(i => new { name = i.Name, passed = i.Passed }) : null,
                cpu_seconds = Math.Round(report.Resources.CpuSeconds, 4),
                wall_seconds = Math.Round(report.Resources.WallSeconds, 4),
                max_rss_mb = Math.Round(report.Resources.MaxRssMb, 2),
                sandbox_runs = report.SandboxRuns,
            });
            PersistWall(tx);
        });
    }

    private void Count(EvaluationReport report)
    {
        _cpuSeconds += report.CpuSeconds;
        _sandboxRuns += report.SandboxRuns;
        var key = report.Outcome.ToWire();
        _outcomes[key] = _outcomes.GetValueOrDefault(key) + 1;
    }

    /// <summary>Adds the wall time since the last write, so a killed run keeps its wall-time budget.</summary>
    private void PersistWall(StoreTransaction tx)
    {
        var now = _wall.Elapsed.TotalSeconds;
        Store.AddWallSeconds(tx, now - _wallPersisted);
        _wallPersisted = now;
    }

    /// <summary>Decides the head of the queue while it has its assessment and nothing holds the run; each decision lets
    /// one new proposal in (more while a human is asked, up to the policy's allowance). A head waiting for its
    /// confirmation round stays at the head while the rest of the queue keeps evaluating.</summary>
    private async Task DecideReadyAsync(CancellationToken ct)
    {
        while (_hold is null && _queue.First?.Value is { Report: not null } head)
        {
            if (head.Confirming is { IsCompleted: false })
                break;
            if (head.Confirming is { IsCompleted: true } done && !done.IsCompletedSuccessfully)
            {
                head.Confirming = null;
                if (done.Exception?.InnerException is not OperationCanceledException and { } error && !done.IsCanceled)
                {
                    throw new RunException($"Ratchet could not run the confirmation round for candidate #{head.Seq} ({head.Id[..12]}): {error.Message}. " +
                        "It stays pending; fix the cause and run again to resume.");
                }
                break;
            }
            DecideHead(head);
            if (_queue.First?.Value == head && _hold is null)
                break;
            if (_hold is null || _hold.Seq != head.Seq)
                await FillAsync(ct);
        }
        if (_hold is not null)
            await FillAsync(ct);
    }

    private void DecideHead(QueueItem item)
    {
        var report = item.Report!;
        var lineage = _lineage.GetValueOrDefault(item.Id, item.Id);
        if (report.Outcome == Outcome.Rejected)
        {
            var fires = new List<TripwireFire>();
            var by = item.Verdicts.FirstOrDefault(v => v.Verdict == Verdict.Reject) is { } blocking ? blocking.Auditor : "task-rules";
            var category = item.Verdicts.FirstOrDefault(v => v.Verdict == Verdict.Reject)?.Category ?? item.RuleCategory;
            Conclude(item, CandidateStatus.Rejected, [], tx =>
            {
                var entry = tx.Append(OversightEvents.Rejection, new
                {
                    candidate = item.Id, seq = item.Seq, stage = "before-run", by, category, touched_protected = item.TouchedProtected,
                    lineage_root = lineage, reasons = report.Reasons,
                });
                fires.AddRange(Observe(entry));
                OpenTripwireHold(tx, item, fires);
            });
            return;
        }
        var assessedFires = new List<TripwireFire>();
        if (report.Outcome != Outcome.Ok)
        {
            Conclude(item, CandidateStatus.Failed, [], tx =>
            {
                assessedFires.AddRange(Observe(Assessed(tx, item, report, lineage)));
                OpenTripwireHold(tx, item, assessedFires);
            });
            return;
        }
        if (_champion?.Score is not { } best)
        {
            // The first program assessed ok is the baseline, not a change: it becomes champion without the gate.
            Promote(item, report, "initial", null, tx => assessedFires.AddRange(Observe(Assessed(tx, item, report, lineage))));
            return;
        }
        var test = item.Confirming is { IsCompletedSuccessfully: true } round
            ? Confirmed(item, report, round.Result)
            : _promotion.Decide(_championRepeats, report.RepeatScores);
        switch (test)
        {
            case Promotion.PromotionDecision.NeedsConfirmation needs:
                item.Confirming = Confirm(item, needs.Repeats);
                return;
            case Promotion.PromotionDecision.Reject reject:
                var why = test.Screening is null ? [] : new[] { $"not promoted: {reject.Reason}" };
                Conclude(item, CandidateStatus.Accepted, why, tx =>
                {
                    assessedFires.AddRange(Observe(Assessed(tx, item, report, lineage)));
                    OpenTripwireHold(tx, item, assessedFires);
                });
                return;
            default:
                DecidePromotion(item, report, lineage, best, test);
                return;
        }
    }

    /// <summary>Measures the champion and the candidate again on the same fresh seeds, in pairs, back to back
    /// (<see cref="Evaluator.EvaluatePairedAsync"/>).</summary>
    private Task<(EvaluationReport Champion, EvaluationReport Candidate)> Confirm(QueueItem item, int repeats)
    {
        var request = new EvaluationRequest(Seeds.Derive((ulong)_run.Seed, "confirm", (ulong)item.Seq), repeats, WouldPromote: _ => false);
        var champion = _champion!.Program;
        var candidate = item.Program;
        var token = EvaluationToken;
        return Task.Run(() => _evaluator.EvaluatePairedAsync(champion, candidate, request, token), token);
    }

    /// <summary>Records a finished confirmation round and asks the rule again with its scores.</summary>
    private Promotion.PromotionDecision Confirmed(QueueItem item, EvaluationReport report, (EvaluationReport Champion, EvaluationReport Candidate) round)
    {
        Promotion.PromotionDecision decision = round.Champion.Outcome != Outcome.Ok || round.Candidate.Outcome != Outcome.Ok
            ? new Promotion.PromotionDecision.Reject(
                $"the confirmation round failed: the champion ended {round.Champion.Outcome.ToWire()}, the candidate {round.Candidate.Outcome.ToWire()} " +
                $"({string.Join("; ", round.Champion.Reasons.Concat(round.Candidate.Reasons))})")
            : _promotion.Decide(_championRepeats, report.RepeatScores, new Promotion.ConfirmationScores(round.Champion.RepeatScores, round.Candidate.RepeatScores));
        var runs = round.Champion.SandboxRuns + round.Candidate.SandboxRuns;
        var cpu = round.Champion.CpuSeconds + round.Candidate.CpuSeconds;
        _sandboxRuns += runs;
        _cpuSeconds += cpu;
        _store.Write(tx =>
        {
            Store.AddCost(tx, item.Id, runs, cpu);
            tx.Append("confirmation", new
            {
                candidate = item.Id,
                seq = item.Seq,
                champion = _champion!.Id,
                champion_scores = round.Champion.RepeatScores,
                candidate_scores = round.Candidate.RepeatScores,
                decision = decision is Promotion.PromotionDecision.Promote ? "promote" : "reject",
                reason = decision.Reason,
                screening = decision.Screening,
                confirmation = decision.Confirmation,
                sandbox_runs = runs,
            });
        });
        return decision;
    }

    /// <summary>Makes <paramref name="item"/> champion in one transaction with its ledger events.</summary>
    private void Promote(QueueItem item, EvaluationReport report, string by, long? approval, Action<StoreTransaction>? first = null)
    {
        _store.Write(tx =>
        {
            first?.Invoke(tx);
            PromoteIn(tx, item, report, by, approval);
        });
        AfterDecision(item, report);
    }

    private void PromoteIn(StoreTransaction tx, QueueItem item, EvaluationReport report, string by, long? approval)
    {
        var previous = _champion;
        var gain = previous?.Score is { } p ? _task.Objective.Gain(report.Score!.Value, p) : (double?)null;
        double? relative = previous?.Score is { } q && q != 0 && gain is { } g ? g / Math.Abs(q) : null;
        Store.RecordDecision(tx, item.Id, CandidateStatus.Champion, []);
        Store.Promote(tx, item.Id, item.Seq, report.Score);
        if (approval is { } id)
            Store.MarkApplied(tx, id);
        var entry = tx.Append(OversightEvents.Promotion, new
        {
            candidate = item.Id,
            seq = item.Seq,
            score = report.Score,
            previous = previous?.Id,
            previous_score = previous?.Score,
            gain,
            relative_gain = relative,
            holdout_score = report.Holdout?.Score,
            evaluations = item.Seq + 1,
            approved_by = by,
            approval,
        });
        var at = DateTimeOffset.Parse(entry.Time, System.Globalization.CultureInfo.InvariantCulture);
        _oversight.Observe(OversightEvents.From(entry)!);
        if (item.Seq != 0 && by != "initial")
            _oversight.Promoted(at, item.Seq + 1);
        item.Promoted = true;
        PersistWall(tx);
    }

    /// <summary>Decides <paramref name="item"/> without promoting it, in one transaction with its ledger events.</summary>
    private void Conclude(QueueItem item, CandidateStatus status, IReadOnlyList<string> reasons, Action<StoreTransaction> events)
    {
        _store.Write(tx =>
        {
            events(tx);
            ConcludeIn(tx, item, status, reasons);
            PersistWall(tx);
        });
        AfterDecision(item, item.Report!);
    }

    private static void ConcludeIn(StoreTransaction tx, QueueItem item, CandidateStatus status, IReadOnlyList<string> reasons)
    {
        Store.RecordDecision(tx, item.Id, status, reasons);
        item.Concluded = status;
    }

    /// <summary>Updates memory after a committed decision and tells the proposer and the observer.</summary>
    private void AfterDecision(QueueItem item, EvaluationReport report)
    {
        if (_pendingNotice is { } notice)
        {
            _pendingNotice = null;
            _observer.ApprovalRequested(notice.Id, notice.Kind, notice.Candidate, notice.Reasons);
        }
        if (!item.Promoted && item.Concluded is null)
            return;
        _queue.Remove(item);
        var view = new CandidateView(item.Id, item.Program, report.Outcome == Outcome.Ok ? report.Score : null, report.Metrics);
        var previous = _champion;
        if (item.Seq == 0)
            _root = view;
        if (item.Promoted)
        {
            _champion = view;
            _championHoldout = report.Holdout?.Score;
            _championRepeats = report.RepeatScores.Count > 0 ? report.RepeatScores : report.Score is { } s ? [s] : [];
        }
        _proposer.Observe(new Decision(item.Seq, view, item.Parent, item.Operator, report.Outcome, item.Promoted, _champion?.Score));
        var decided = new DecidedCandidate(item.Id, item.Seq, item.Parent, item.Operator,
            item.Promoted ? CandidateStatus.Champion : item.Concluded!.Value, report.Outcome, report.Score);
        if (item.Promoted)
        {
            _observer.Line($"#{item.Seq} {Short(item.Id)} promoted: {_task.Objective.Metric} = {report.Score:G6}" +
                (previous?.Score is { } before ? $" (was {before:G6})" : "") + $" [{item.Operator}]");
        }
        _observer.Decided(decided, Summary(RunState.Running, null));
    }

    private static string Short(string id) => id[..Math.Min(12, id.Length)];
}
