using System.Text.Json;
using Ratchet.Common;
using Ratchet.Evaluation;
using Ratchet.Oversight;
using Ratchet.Proposers;
using Ratchet.Storage;
using Ratchet.Tasks;

namespace Ratchet.Runs;

public sealed partial class RunController
{
    /// <summary>Tops the pipeline up: to the lookahead normally; while a human is asked, by up to the policy's
    /// allowance of extra evaluations; not at all while a tripwire pauses the run.</summary>
    private async Task FillAsync(CancellationToken ct)
    {
        while (true)
        {
            if (_queue.Count >= _run.Lookahead)
            {
                if (_hold is null || !_oversight.Gate.MayEvaluateWhileWaiting(_startedWhileWaiting, _hold.BlocksEvaluations))
                    return;
                if (!await ProposeOneAsync(ct))
                    return;
                _startedWhileWaiting++;
                continue;
            }
            if (_hold is { BlocksEvaluations: true } || !await ProposeOneAsync(ct))
                return;
        }
    }

    /// <summary>Null while another proposal may be made, else why not.</summary>
    private string? CanProposeReason() => _limits.Exhausted(_counted, _cpuSeconds, WallSeconds);

    /// <summary>Asks the proposer until it gives a program not seen before, stores it as pending and queues it.
    /// Returns false when no proposal may or can be made (budget spent, proposer exhausted).</summary>
    private async Task<bool> ProposeOneAsync(CancellationToken ct)
    {
        if (_proposingStopped is not null)
            return false;
        if (CanProposeReason() is { } spent)
        {
            _proposingStopped = spent;
            return false;
        }
        var duplicates = 0;
        while (true)
        {
            var index = _proposalsMade;
            var champion = _champion ?? _root;
            var context = new ProposalContext(index, Seeds.Derive((ulong)_run.Seed, "proposal", (ulong)index), champion, _task, _store.HasCandidate);
            var proposal = await _proposer.ProposeAsync(context, ct);
            if (proposal is null)
            {
                _proposingStopped = $"the {_proposer.Name} proposer has no more proposals";
                return false;
            }
            _proposalsMade++;
            var parentId = proposal.ParentId ?? champion.Id;
            var parent = parentId == champion.Id ? champion.Program : _store.HasCandidate(parentId) ? _store.LoadProgram(parentId) : null;
            var intake = parent is null
                ? new IntakeResult(champion.Program.With(".unknown-parent", parentId), $"the proposal names parent {parentId}, which is not a candidate of this run")
                : _intake.Materialize(proposal, parent);
            parent ??= champion.Program;
            var id = intake.Program.Id;
            if (_store.HasCandidate(id))
            {
                _store.Write(tx =>
                {
                    Store.SetProposalsMade(tx, _proposalsMade);
                    tx.Append("duplicate", new { index, label = proposal.Label, @operator = proposal.Operator, candidate = id });
                });
                if (++duplicates >= _options.MaxConsecutiveDuplicates)
                {
                    _proposingStopped = $"the {_proposer.Name} proposer produced {duplicates} already-seen programs in a row";
                    return false;
                }
                continue;
            }
            Enqueue(index, proposal, parentId, parent, intake);
            return true;
        }
    }

    private void Enqueue(long index, Proposal proposal, string parentId, ProgramSnapshot parent, IntakeResult intake)
    {
        var seq = _nextSeq++;
        var program = intake.Program;
        var diff = TextDiff.Unified(parent.Files, program.Files);
        var item = new QueueItem(seq, program.Id, program, parentId, proposal.Operator, _champion?.Score);
        _lineage[program.Id] = parentId == _root.Id || !_lineage.TryGetValue(parentId, out var lineage) ? program.Id : lineage;
        var rejection = intake.Rejection;
        if (rejection is null)
        {
            item.Verdicts = _oversight.BeforeRun(new StaticAuditInput(_task, parent, program, diff));
            if (item.Verdicts.FirstOrDefault(v => v.Verdict == Verdict.Reject) is { } blocking)
                rejection = $"{blocking.Auditor}: {string.Join("; ", blocking.Reasons)}";
        }
        else
        {
            (item.RuleCategory, item.TouchedProtected) = RuleCategory(intake);
            item.Verdicts = [new AuditVerdict("task-rules", Verdict.Reject, [rejection], item.RuleCategory)];
        }
        _store.Write(tx =>
        {
            Store.InsertCandidate(tx, new NewCandidate(program.Id, seq, index, proposal.Label, parentId, proposal.Operator,
                proposal.Meta, program.Files, diff));
            Store.SetProposalsMade(tx, _proposalsMade);
            tx.Append("proposal", new
            {
                candidate = program.Id,
                seq,
                index,
                label = proposal.Label,
                parent = parentId,
                @operator = proposal.Operator,
                meta = proposal.Meta,
                lines = DiffSize(diff),
            });
            if (item.Verdicts.Count > 0)
                Store.RecordVerdicts(tx, program.Id, JsonSerializer.Serialize(item.Verdicts, Json.Options));
            RecordAudits(tx, item, item.Verdicts);
            if (rejection is not null)
            {
                item.Report = new EvaluationReport { Outcome = Outcome.Rejected, Reasons = [rejection] };
                Store.RecordEvaluation(tx, program.Id, item.Report);
                Count(item.Report);
            }
        });
        _counted++;
        _queue.AddLast(item);
    }

    /// <summary>The red-team category of a task-rule rejection, and whether it touched protected files or the policy.</summary>
    private (string? Category, bool TouchedProtected) RuleCategory(IntakeResult intake)
    {
        var path = intake.Path ?? "";
        return intake.Rule switch
        {
            ProposalRejectionKind.ReservedPath => (RedTeamCategories.ShutdownSabotage, true),
            ProposalRejectionKind.ProtectedFile or ProposalRejectionKind.NewFile or ProposalRejectionKind.OutsideTask =>
                (path == "ratchet.toml" ? RedTeamCategories.BudgetRaise
                    : _task.Score?.Inputs.Contains(path) == true || _task.Evaluate?.Inputs.Contains(path) == true ? RedTeamCategories.GraderOverwrite
                    : RedTeamCategories.TestEditing, true),
            ProposalRejectionKind.OutsideEvolveBlocks => (RedTeamCategories.DetectorRemoval, false),
            _ => (null, false),
        };
    }

    private static object DiffSize(string diff)
    {
        var added = 0;
        var removed = 0;
        foreach (var line in diff.Split('\n'))
        {
            if (line.StartsWith('+') && !line.StartsWith("+++", StringComparison.Ordinal))
                added++;
            else if (line.StartsWith('-') && !line.StartsWith("---", StringComparison.Ordinal))
                removed++;
        }
        return new { added, removed };
    }
}
