using System.Diagnostics.CodeAnalysis;

namespace Ratchet.Tasks;

/// <summary>Why <see cref="TaskTemplate.Write"/> wrote nothing.</summary>
public enum TaskTemplateErrorKind
{
    /// <summary>A file the template would write is already there; nothing is ever overwritten.</summary>
    AlreadyExists,
    /// <summary>The folder or a file could not be created.</summary>
    CannotWrite,
}

/// <summary>A typed failure of <see cref="TaskTemplate.Write"/>, naming the files concerned.</summary>
public sealed record TaskTemplateError(TaskTemplateErrorKind Kind, IReadOnlyList<string> Paths, string Message)
{
    public override string ToString() => Message;
}

/// <summary>The outcome of <see cref="TaskTemplate.Write"/>: the files written, or why none were.</summary>
public sealed class TaskTemplateResult
{
    private TaskTemplateResult(IReadOnlyList<string>? written, TaskTemplateError? error)
    {
        Written = written;
        Error = error;
    }

    /// <summary>Absolute paths of the files written, in order.</summary>
    public IReadOnlyList<string>? Written { get; }

    public TaskTemplateError? Error { get; }

    [MemberNotNullWhen(true, nameof(Written))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Written is not null;

    public static TaskTemplateResult Success(IReadOnlyList<string> written) => new(written, null);

    public static TaskTemplateResult Failure(TaskTemplateError error) => new(null, error);
}
