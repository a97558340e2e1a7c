using System.Diagnostics.CodeAnalysis;

namespace Ratchet.Tasks;

/// <summary>The outcome of <see cref="TaskLoader.Load"/>: a valid <see cref="TaskSpec"/> or every error found.</summary>
public sealed class TaskLoadResult
{
    private TaskLoadResult(TaskSpec? task, TaskErrors? errors)
    {
        Task = task;
        Errors = errors;
    }

    /// <summary>The task, when it is valid.</summary>
    public TaskSpec? Task { get; }

    /// <summary>All errors, when it is not.</summary>
    public TaskErrors? Errors { get; }

    [MemberNotNullWhen(true, nameof(Task))]
    [MemberNotNullWhen(false, nameof(Errors))]
    public bool Succeeded => Task is not null;

    public static TaskLoadResult Success(TaskSpec task) => new(task, null);

    public static TaskLoadResult Failure(TaskErrors errors) => new(null, errors);

    /// <summary>The task, or an <see cref="InvalidOperationException"/> carrying the formatted errors (for tests and tools).</summary>
    public TaskSpec GetTaskOrThrow() => Task ?? throw new InvalidOperationException(Errors!.Format());
}
