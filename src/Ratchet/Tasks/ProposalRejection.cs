namespace Ratchet.Tasks;

/// <summary>Why a proposal is rejected before it runs.</summary>
public enum ProposalRejectionKind
{
    /// <summary>It names <c>policy.toml</c> or something under <c>.ratchet/</c>.</summary>
    ReservedPath,
    /// <summary>It names a path outside the task folder (absolute, or leaving through <c>..</c>).</summary>
    OutsideTask,
    /// <summary>It names a program file in another spelling (e.g. <c>./program.py</c>).</summary>
    NonCanonicalPath,
    /// <summary>It changes or deletes a file of the task folder that is not a program file.</summary>
    ProtectedFile,
    /// <summary>It adds a file that is not a program file.</summary>
    NewFile,
    /// <summary>It deletes a program file.</summary>
    ProgramFileDeleted,
    /// <summary>It changes a program file outside its evolve blocks (or breaks the markers).</summary>
    OutsideEvolveBlocks,
}

/// <summary>A typed reason to reject a proposal, naming the file (and line, when there is one).</summary>
/// <param name="Line">1-based line of the new text where the forbidden change is, when known.</param>
public sealed record ProposalRejection(ProposalRejectionKind Kind, string Path, string Message, int? Line = null)
{
    public override string ToString() => Message;
}
