using Ratchet.Evaluation;
using Ratchet.Proposers;
using Ratchet.Storage;

namespace Ratchet.Runs;

public sealed partial class RunController
{
    private void RecordEvaluation(QueueItem item, EvaluationReport report)
    {
        item.Report = report;
        Count(report);
        _store.Write(tx =>
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

    /// <summary>Decides every candidate at the head of the queue that has its assessment, in order; each decision
    /// lets exactly one new proposal in.</summary>
    private async Task DecideReadyAsync(CancellationToken ct)
    {
        while (_queue.First?.Value is { Report: not null } head)
        {
            _queue.RemoveFirst();
            Decide(head, head.Report);
            await ProposeOneAsync(ct);
        }
    }

    private void Decide(QueueItem item, EvaluationReport report)
    {
        var previous = _champion;
        CandidateStatus status;
        var promote = false;
        switch (report.Outcome)
        {
            case Outcome.Rejected:
                status = CandidateStatus.Rejected;
                break;
            case not Outcome.Ok:
                status = CandidateStatus.Failed;
                break;
            default:
                promote = previous?.Score is not { } best || _task.Objective.Improves(report.Score!.Value, best);
                status = promote ? CandidateStatus.Champion : CandidateStatus.Accepted;
                break;
        }
        var view = new CandidateView(item.Id, item.Program, report.Outcome == Outcome.Ok ? report.Score : null, report.Metrics);
        _store.Write(tx =>
        {
            Store.RecordDecision(tx, item.Id, status, []);
            if (promote)
            {
                Store.Promote(tx, item.Id, item.Seq, report.Score);
                tx.Append("promotion", new
                {
                    candidate = item.Id,
                    seq = item.Seq,
                    score = report.Score,
                    previous = previous?.Id,
                    previous_score = previous?.Score,
                    gain = previous?.Score is { } p ? _task.Objective.Gain(report.Score!.Value, p) : (double?)null,
                    holdout_score = report.Holdout?.Score,
                });
            }
            else if (status == CandidateStatus.Rejected)
            {
                tx.Append("decision", new { candidate = item.Id, seq = item.Seq, status = status.ToWire(), reasons = report.Reasons });
            }
            else
            {
                tx.Append("decision", new { candidate = item.Id, seq = item.Seq, status = status.ToWire(), outcome = report.Outcome.ToWire(), score = report.Score });
            }
            PersistWall(tx);
        });
        if (item.Seq == 0)
            _root = view;
        if (promote)
            _champion = view;
        _proposer.Observe(new Decision(item.Seq, view, item.Parent, item.Operator, report.Outcome, promote, _champion?.Score));
        var record = _store.GetCandidate(item.Id)!;
        if (promote)
            _observer.Line($"#{item.Seq} {Short(item.Id)} promoted: {_task.Objective.Metric} = {report.Score:G6}" +
                (previous?.Score is { } before ? $" (was {before:G6})" : "") + $" [{item.Operator}]");
        _observer.Decided(record, Summary(RunState.Running, null));
    }

    private static string Short(string id) => id[..Math.Min(12, id.Length)];
}
