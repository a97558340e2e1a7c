using Ratchet.Oversight;
using Ratchet.Storage;

namespace Ratchet.Runs;

public sealed partial class RunController
{
    /// <summary>Reads what other processes asked for (pause, resume, stop, a new policy, answers to approval requests)
    /// and what time resolves (deferrals, approval time-outs). Returns a reason when the run must stop.</summary>
    private async Task<string?> ControlAsync(CancellationToken ct)
    {
        // Requests come from other processes through the store; while nobody else wrote and nothing is held, there is
        // nothing new to read (this runs once per evaluation at least).
        if (_hold is null && !_store.ChangedElsewhere())
            return null;
        while (true)
        {
            var state = _store.RunStateWord();
            if (state == "stopped")
            {
                await AbandonEvaluationsAsync();
                return "stopped by `ratchet stop`";
            }
            if (state != "paused")
            {
                if (state == "running" && _hold is { NeedsHuman: true })
                    SetState("running", "waiting-approval");
                break;
            }
            _sandbox.ReleaseIdle();
            if (_queue.Any(i => i.Running is not null && i.Report is null))
            {
                await AbandonEvaluationsAsync();
                _observer.Line("paused: in-flight sandboxes killed; their candidates will be evaluated again after `ratchet resume`");
            }
            _store.Flush();
            await Task.Delay(_options.ControlPollInterval, _time, ct);
        }
        ApplyNewPolicy();
        return AnswerHold();
    }

    private void ApplyNewPolicy()
    {
        if (_store.PolicyVersion() <= _oversight.Version || _store.ActivePolicy() is not { } active)
            return;
        var loaded = PolicyLoader.Parse(active.Canonical, active.Source);
        if (!loaded.Succeeded)
            return;
        _oversight.Apply(loaded.Policy!, active.Version, _store.ReadLedger());
        _limits = BudgetLimits.From(_options, _task.Budget, loaded.Policy!.Slowdown);
        _observer.Line($"policy version {active.Version} applied ({loaded.Policy!.Preset}, sha256 {active.Hash[..12]})");
    }

    /// <summary>Acts on the answer to the current hold, if there is one; returns a reason when a human stopped the run.</summary>
    private string? AnswerHold()
    {
        if (_hold is not { } hold)
            return null;
        var now = _time.GetUtcNow();
        var approval = _store.GetApproval(hold.ApprovalId)!;
        if (approval.IsOpen)
        {
            if (hold.Kind == "deferral" && hold.Until is { } until && now >= until)
            {
                _store.Write(tx => Store.AnswerApproval(tx, hold.ApprovalId, "approved", "policy (deferral over)", null));
                approval = _store.GetApproval(hold.ApprovalId)!;
            }
            else if (hold.NeedsHuman && approval.Deadline is { } deadline && now >= DateTimeOffset.Parse(deadline, System.Globalization.CultureInfo.InvariantCulture))
            {
                var requested = DateTimeOffset.Parse(approval.RequestedAt, System.Globalization.CultureInfo.InvariantCulture);
                _store.Write(tx =>
                {
                    if (Store.AnswerApproval(tx, hold.ApprovalId, "expired", "policy (approval_timeout)", null))
                        tx.Append("approval-expired", new { approval = hold.ApprovalId, candidate = approval.Candidate, kind = hold.Kind, reason = _oversight.Gate.TimedOutReason(requested) });
                });
                approval = _store.GetApproval(hold.ApprovalId)!;
            }
            else
            {
                return null;
            }
        }
        return ApplyAnswer(hold, approval);
    }

    private string? ApplyAnswer(Hold hold, ApprovalRecord approval)
    {
        var approved = approval.State == "approved";
        var by = approval.DecidedBy ?? "unknown";
        if (hold.NeedsHuman)
            _oversight.Reviewed();
        _hold = null;
        _startedWhileWaiting = 0;
        SetState("waiting-approval", "running");
        switch (hold.Kind)
        {
            case "tripwire":
                _store.Write(tx => Store.MarkApplied(tx, hold.ApprovalId));
                if (approved)
                {
                    _observer.Line($"tripwire request #{approval.Id} approved by {by}: the run goes on");
                    return null;
                }
                return $"a human ({by}) rejected tripwire request #{approval.Id}" + (approval.Note is { } humanNote ? $": {humanNote}" : "");
            default:
            {
                var head = _queue.First!.Value;
                if (approved)
                {
                    Promote(head, head.Report!, hold.Kind == "deferral" ? "policy (after deferral)" : by, approval.Id);
                }
                else
                {
                    var why = approval.State == "expired"
                        ? $"approval request #{approval.Id} timed out ([approval] approval_timeout)"
                        : $"rejected by {by}" + (approval.Note is { } reviewerNote ? $": {reviewerNote}" : "");
                    Conclude(head, CandidateStatus.Rejected, [why], tx =>
                    {
                        Store.MarkApplied(tx, approval.Id);
                        tx.Append("decision", new { candidate = head.Id, seq = head.Seq, status = "rejected", approval = approval.Id, reasons = new[] { why } });
                    });
                }
                return null;
            }
        }
    }

    /// <summary>Moves the run's stored state from <paramref name="from"/> to <paramref name="to"/>, unless another
    /// process changed it meanwhile (a pause or a stop wins).</summary>
    private void SetState(string from, string to) => _store.Write(tx => Store.SetRunStateIf(tx, from, to));
}
