using System.Text.Json;
using Ratchet.Common;
using Ratchet.Evaluation;
using Ratchet.Ledger;
using Ratchet.Oversight;
using Ratchet.Proposers;
using Ratchet.Runs.Oversight;
using Ratchet.Storage;

namespace Ratchet.Runs;

// The promotion gate: auditors, tripwires and the approval holds a would-be champion passes through.
public sealed partial class RunController
{
    /// <summary>A would-be champion: the auditors judge it, the tripwires watch the promotion, and the gate decides.</summary>
    private void DecidePromotion(QueueItem item, EvaluationReport report, string lineage, double best, Promotion.PromotionDecision test)
    {
        var after = _oversight.BeforePromotion(report, new CandidateViewScores(best, _championHoldout));
        var verdicts = item.Verdicts.Concat(after).ToArray();
        var rejecting = after.FirstOrDefault(v => v.Verdict == Verdict.Reject);
        var now = _time.GetUtcNow();
        _store.Write(tx =>
        {
            var fires = new List<TripwireFire>(Observe(Assessed(tx, item, report, lineage)));
            RecordFires(tx, item, fires);
            Store.RecordVerdicts(tx, item.Id, JsonSerializer.Serialize(verdicts, Json.Options));
            RecordAudits(tx, item, after);
            if (rejecting is not null)
            {
                var reasons = after.Where(v => v.Verdict == Verdict.Reject).Select(v => $"{v.Auditor}: {string.Join("; ", v.Reasons)}").ToArray();
                var entry = tx.Append(OversightEvents.Rejection, new
                {
                    candidate = item.Id, seq = item.Seq, stage = "before-promotion", by = rejecting.Auditor, category = rejecting.Category,
                    touched_protected = false, lineage_root = lineage, reasons,
                });
                var rejectionFires = Observe(entry);
                ConcludeIn(tx, item, CandidateStatus.Rejected, reasons);
                OpenTripwireHold(tx, item, fires.Concat(rejectionFires).ToArray(), recorded: fires.Count);
                return;
            }
            var gain = _task.Objective.Gain(report.Score!.Value, best);
            double? relative = best == 0 ? null : gain / Math.Abs(best);
            var proposed = tx.Append(OversightEvents.PromotionProposed, new
            {
                candidate = item.Id, seq = item.Seq, score = report.Score, previous_score = best, gain, relative_gain = relative,
                evaluations = item.Seq + 1, promotion_number = _oversight.Promotions + 1, is_meta = false,
                test = test.Screening is null ? null : new { reason = test.Reason, screening = test.Screening, confirmation = test.Confirmation },
            });
            var promotionEvent = (PromotionProposedEvent)OversightEvents.From(proposed)!;
            var promotionFires = _oversight.Observe(promotionEvent);
            RecordFires(tx, item, promotionFires);
            fires.AddRange(promotionFires);
            switch (_oversight.Decide(promotionEvent, verdicts, fires))
            {
                case GateDecision.AutoApprove:
                    PromoteIn(tx, item, report, "policy", null);
                    break;
                case GateDecision.NeedsApproval needs:
                    OpenHold(tx, item, "promotion", needs.Reasons, deadline: _oversight.Gate.ApprovalDeadline(now));
                    break;
                case GateDecision.Defer { Until: { } until } defer:
                    OpenHold(tx, item, "deferral", [defer.Reason], deadline: until);
                    break;
                case GateDecision.Defer defer:
                    ConcludeIn(tx, item, CandidateStatus.Accepted, [$"not promoted: {defer.Reason}"]);
                    tx.Append("decision", new { candidate = item.Id, seq = item.Seq, status = "accepted", capped = defer.Reason });
                    break;
                case GateDecision.Blocked blocked:
                    ConcludeIn(tx, item, CandidateStatus.Rejected, blocked.Reasons);
                    tx.Append("decision", new { candidate = item.Id, seq = item.Seq, status = "rejected", reasons = blocked.Reasons });
                    break;
            }
        });
        AfterDecision(item, report);
    }

    private LedgerEntry Assessed(StoreTransaction tx, QueueItem item, EvaluationReport report, string lineage) =>
        tx.Append(OversightEvents.Assessed, new
        {
            candidate = item.Id,
            seq = item.Seq,
            parent = item.Parent,
            lineage_root = lineage,
            outcome = report.Outcome.ToWire(),
            score = report.Score,
            reasons = report.Reasons,
            cpu_seconds = Math.Round(report.CpuSeconds, 4),
            sandbox_runs = report.SandboxRuns,
            results_refused = report.Reasons.Any(r => r.Contains("results refused", StringComparison.Ordinal)),
        });

    private IReadOnlyList<TripwireFire> Observe(LedgerEntry entry) =>
        OversightEvents.From(entry) is { } e ? _oversight.Observe(e) : [];

    /// <summary>Counts every verdict (status shows the counts, passes included); a flag or a rejection is also a
    /// ledger event.</summary>
    private static void RecordAudits(StoreTransaction tx, QueueItem item, IEnumerable<AuditVerdict> verdicts)
    {
        foreach (var verdict in verdicts)
        {
            var name = verdict.Verdict.ToString().ToLowerInvariant();
            Store.Bump(tx, $"audit:{verdict.Auditor}:{name}");
            if (verdict.Verdict == Verdict.Pass)
                continue;
            tx.Append("audit", new
            {
                candidate = item.Id, seq = item.Seq, auditor = verdict.Auditor, verdict = name, category = verdict.Category, reasons = verdict.Reasons,
            });
        }
    }

    private static void RecordFires(StoreTransaction tx, QueueItem item, IReadOnlyList<TripwireFire> fires)
    {
        foreach (var fire in fires)
        {
            tx.Append("tripwire", new { tripwire = fire.Tripwire, reason = fire.Reason, candidate = fire.CandidateId ?? item.Id, seq = item.Seq });
            Store.Bump(tx, "tripwire:" + fire.Tripwire);
        }
    }

    /// <summary>A tripwire fired on a decided candidate: record it, and pause the run until a human answers.</summary>
    private void OpenTripwireHold(StoreTransaction tx, QueueItem item, IReadOnlyList<TripwireFire> fires, int recorded = 0)
    {
        if (fires.Count == 0)
            return;
        RecordFires(tx, item, fires.Skip(recorded).ToArray());
        var reasons = fires.Select(f => $"tripwire {f.Tripwire}: {f.Reason}").ToArray();
        var id = Store.RequestApproval(tx, item.Id, "tripwire", reasons, null);
        tx.Append("approval-requested", new { approval = id, candidate = item.Id, kind = "tripwire", reasons });
        Store.SetRunStateIf(tx, "running", "waiting-approval");
        _hold = new Hold(id, "tripwire", null, null);
        _pendingNotice = (id, "tripwire", item.Id, reasons);
    }

    private void OpenHold(StoreTransaction tx, QueueItem item, string kind, IReadOnlyList<string> reasons, DateTimeOffset? deadline)
    {
        var id = Store.RequestApproval(tx, item.Id, kind, reasons, deadline is { } d ? Store.Timestamp(d) : null);
        if (kind == "deferral")
        {
            tx.Append("promotion-deferred", new { approval = id, candidate = item.Id, seq = item.Seq, until = Store.Timestamp(deadline!.Value), reasons });
        }
        else
        {
            tx.Append("approval-requested", new { approval = id, candidate = item.Id, kind, reasons, deadline = deadline is { } dl ? Store.Timestamp(dl) : null });
            Store.SetRunStateIf(tx, "running", "waiting-approval");
            _pendingNotice = (id, kind, item.Id, reasons);
        }
        _hold = new Hold(id, kind, item.Seq, kind == "deferral" ? deadline : null);
    }

    private (long Id, string Kind, string Candidate, IReadOnlyList<string> Reasons)? _pendingNotice;
}
