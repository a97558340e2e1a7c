using System.Diagnostics.CodeAnalysis;

namespace Ratchet.Tasks;

/// <summary>What a unified diff does to a parent program.</summary>
/// <param name="Files">New full text of every file the patch modifies or creates.</param>
/// <param name="Created">Paths the patch creates (<c>--- /dev/null</c>); also in <paramref name="Files"/>.</param>
/// <param name="Deleted">Paths the patch deletes (<c>+++ /dev/null</c>).</param>
public sealed record PatchApplied(IReadOnlyDictionary<string, string> Files, IReadOnlyList<string> Created, IReadOnlyList<string> Deleted);

/// <summary>Why a unified diff could not be applied.</summary>
public enum PatchErrorKind
{
    /// <summary>Not a well-formed unified diff (bad hunk header, wrong line counts, no file header).</summary>
    Malformed,
    /// <summary>The patch modifies a file that is not among the parent's program files.</summary>
    NotAProgramFile,
    /// <summary>A hunk's context or removed lines are not in the file.</summary>
    ContextMismatch,
    /// <summary>The patch creates a file that exists, or names a file twice.</summary>
    Conflict,
}

/// <summary>A typed failure of <see cref="UnifiedDiff.Apply"/>.</summary>
/// <param name="PatchLine">1-based line of the patch where the problem is.</param>
/// <param name="Path">The program file concerned, when known.</param>
/// <param name="FileLine">1-based line of <paramref name="Path"/> that did not match, for a context mismatch.</param>
public sealed record PatchError(PatchErrorKind Kind, string Message, int PatchLine, string? Path = null, int? FileLine = null)
{
    public override string ToString() => Message;
}

/// <summary>The outcome of <see cref="UnifiedDiff.Apply"/>: the new files or the reason it failed.</summary>
public sealed class PatchResult
{
    private PatchResult(PatchApplied? applied, PatchError? error)
    {
        Applied = applied;
        Error = error;
    }

    public PatchApplied? Applied { get; }

    public PatchError? Error { get; }

    [MemberNotNullWhen(true, nameof(Applied))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Applied is not null;

    public static PatchResult Success(PatchApplied applied) => new(applied, null);

    public static PatchResult Failure(PatchError error) => new(null, error);
}
