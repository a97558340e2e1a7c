using System.Collections;

namespace Ratchet.Tasks;

/// <summary>Every mistake found in a task folder, reported together under one heading.</summary>
public sealed class TaskErrors : IReadOnlyList<TaskError>
{
    private readonly IReadOnlyList<TaskError> _errors;

    public TaskErrors(string taskDirectory, IEnumerable<TaskError> errors)
    {
        TaskDirectory = taskDirectory;
        _errors = Order(errors);
        if (_errors.Count == 0)
            throw new ArgumentException("a TaskErrors needs at least one error", nameof(errors));
    }

    /// <summary>The task folder as the user named it.</summary>
    public string TaskDirectory { get; }

    public int Count => _errors.Count;

    public TaskError this[int index] => _errors[index];

    /// <summary>The heading line, e.g. <c>task 'examples/poly' has 2 errors:</c>.</summary>
    public string Heading => $"task '{TaskDirectory}' has {Count} error{(Count == 1 ? "" : "s")}:";

    /// <summary>The heading and one indented line per error, in file and position order; printed as-is by the CLI.</summary>
    public string Format() => Heading + Environment.NewLine +
        string.Join(Environment.NewLine, _errors.Select(e => "  " + e));

    public override string ToString() => Format();

    public IEnumerator<TaskError> GetEnumerator() => _errors.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // ratchet.toml first, then other files by name; within a file by position, unpositioned last; ties keep discovery order.
    private static TaskError[] Order(IEnumerable<TaskError> errors) => errors
        .Select((e, i) => (e, i))
        .OrderBy(x => x.e.File == TaskLoader.FileName ? 0 : 1)
        .ThenBy(x => x.e.File, StringComparer.Ordinal)
        .ThenBy(x => x.e.Line ?? int.MaxValue)
        .ThenBy(x => x.e.Column ?? 0)
        .ThenBy(x => x.i)
        .Select(x => x.e)
        .Distinct()
        .ToArray();
}
