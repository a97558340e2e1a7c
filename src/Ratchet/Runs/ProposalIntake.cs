using Ratchet.Proposers;
using Ratchet.Tasks;

namespace Ratchet.Runs;

/// <summary>A proposal turned into a program: the full file map it proposes and, when a rule stops it before it
/// runs, why. A rejected proposal is still stored (and counted) so the record shows what was tried.</summary>
/// <param name="Rule">The task rule that rejected it (null for a bad patch or an unknown parent).</param>
/// <param name="Path">The file the rule is about.</param>
internal sealed record IntakeResult(ProgramSnapshot Program, string? Rejection, ProposalRejectionKind? Rule = null, string? Path = null)
{
    public static IntakeResult Of(ProgramSnapshot program, ProposalRejection? rejection) => new(program, rejection?.Message, rejection?.Kind, rejection?.Path);
}

/// <summary>Applies a proposal to its parent and checks the task's static rules: only program files change,
/// only inside evolve blocks.</summary>
internal sealed class ProposalIntake(TaskSpec task)
{
    /// <summary>The pseudo-file under which a patch that does not apply is kept, so the record shows what was tried.</summary>
    public const string RejectedPatchPath = ".rejected-patch";

    public IntakeResult Materialize(Proposal proposal, ProgramSnapshot parent)
    {
        switch (proposal.Change)
        {
            case ProposalChange.Files files:
                return IntakeResult.Of(Merge(parent, files.Contents, []), ProposalCheck.Check(task, parent, files.Contents));
            case ProposalChange.Patch patch:
            {
                var applied = UnifiedDiff.Apply(parent, patch.UnifiedDiff);
                if (!applied.Succeeded)
                {
                    var error = applied.Error!;
                    return new IntakeResult(parent.With(RejectedPatchPath, patch.UnifiedDiff), $"the patch does not apply: {error.Message}");
                }
                var result = applied.Applied!;
                return IntakeResult.Of(Merge(parent, result.Files, result.Deleted), ProposalCheck.Check(task, parent, result));
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(proposal), proposal.Change, "unknown proposal change");
        }
    }

    private static ProgramSnapshot Merge(ProgramSnapshot parent, IReadOnlyDictionary<string, string> files, IReadOnlyList<string> deleted)
    {
        var merged = new Dictionary<string, string>(parent.Files, StringComparer.Ordinal);
        foreach (var (path, content) in files)
            merged[path] = content;
        foreach (var path in deleted)
            merged.Remove(path);
        return new ProgramSnapshot(merged);
    }
}
