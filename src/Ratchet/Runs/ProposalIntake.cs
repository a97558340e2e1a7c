using Ratchet.Proposers;
using Ratchet.Tasks;

namespace Ratchet.Runs;

/// <summary>A proposal turned into a program: the full file map it proposes and, when a rule stops it before it
/// runs, why. A rejected proposal is still stored (and counted) so the record shows what was tried.</summary>
internal sealed record IntakeResult(ProgramSnapshot Program, string? Rejection);

/// <summary>Applies a proposal to its parent and checks the task's static rules: only program files change,
/// only inside evolve blocks.</summary>
internal sealed class ProposalIntake(TaskSpec task)
{
    public IntakeResult Materialize(Proposal proposal, ProgramSnapshot parent)
    {
        switch (proposal.Change)
        {
            case ProposalChange.Files files:
            {
                var merged = new Dictionary<string, string>(parent.Files, StringComparer.Ordinal);
                foreach (var (path, content) in files.Contents)
                    merged[path] = content;
                var program = new ProgramSnapshot(merged);
                return new IntakeResult(program, ProposalCheck.Check(task, parent, files.Contents));
            }
            case ProposalChange.Patch patch:
            {
                var applied = UnifiedDiff.Apply(parent, patch.UnifiedDiff);
                if (applied.Error is { } error)
                    return new IntakeResult(parent.With(".rejected-patch", patch.UnifiedDiff), $"the patch does not apply: {error}");
                return new IntakeResult(applied.Program!, ProposalCheck.Check(task, parent, applied.Changed!));
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(proposal), proposal.Change, "unknown proposal change");
        }
    }
}
