namespace Ratchet.Tasks;

/// <summary>How a task folder's protected files differ from a snapshot. Paths are task-relative and sorted.</summary>
public sealed record ProtectedFilesChanges(IReadOnlyList<string> Added, IReadOnlyList<string> Changed, IReadOnlyList<string> Deleted)
{
    /// <summary>True when nothing was added, changed or deleted.</summary>
    public bool IsEmpty => Added.Count == 0 && Changed.Count == 0 && Deleted.Count == 0;

    /// <summary>One line for logs and tripwires, e.g. <c>changed: score.py; added: data/z.json</c>, or <c>unchanged</c>.</summary>
    public override string ToString()
    {
        if (IsEmpty)
            return "unchanged";
        var parts = new List<string>(3);
        if (Changed.Count > 0)
            parts.Add("changed: " + string.Join(", ", Changed));
        if (Added.Count > 0)
            parts.Add("added: " + string.Join(", ", Added));
        if (Deleted.Count > 0)
            parts.Add("deleted: " + string.Join(", ", Deleted));
        return string.Join("; ", parts);
    }
}
