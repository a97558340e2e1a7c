using Ratchet.Evaluation;
using Ratchet.Proposers;
using Ratchet.Storage;
using Ratchet.Tasks;

using Ratchet.Common;

namespace Ratchet.Runs;

public sealed partial class RunController
{
    /// <summary>Tops the pipeline up to the lookahead (used at start; afterwards each decision proposes once).</summary>
    private async Task FillAsync(CancellationToken ct)
    {
        while (_queue.Count < _run.Lookahead && await ProposeOneAsync(ct))
        {
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
            if (intake.Rejection is { } why)
            {
                item.Report = new EvaluationReport { Outcome = Outcome.Rejected, Reasons = [why] };
                Store.RecordEvaluation(tx, program.Id, item.Report);
                Count(item.Report);
                tx.Append("rejection", new { candidate = program.Id, seq, stage = "before-run", by = "task-rules", rule = intake.Rule?.ToString(), reasons = item.Report.Reasons });
            }
        });
        _counted++;
        _queue.AddLast(item);
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
