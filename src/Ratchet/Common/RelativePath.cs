namespace Ratchet.Common;

/// <summary>Lexical rules for task-relative paths: forward slashes, no absolute paths, no <c>..</c>, one spelling per file.</summary>
public static class RelativePath
{
    /// <summary>Why <paramref name="path"/> is not a canonical task-relative path, or null when it is.
    /// The reason completes a sentence "'path' ..." (e.g. "is an absolute path").</summary>
    public static string? Problem(string path)
    {
        if (path.Length == 0)
            return "is empty";
        if (path.Any(char.IsControl))
            return "contains a control character";
        if (path.Contains('\\'))
            return "contains '\\'; use '/' to separate folders";
        if (path.StartsWith('/') || path.StartsWith('~'))
            return "is an absolute path";
        var segments = path.Split('/');
        if (segments.Contains(".."))
            return "leaves the task folder ('..')";
        if (segments.Any(s => s.Length == 0 || s == "."))
            return $"is not written canonically; write it as '{Normalize(path)}'";
        return null;
    }

    /// <summary>True when <paramref name="path"/> is a canonical task-relative path.</summary>
    public static bool IsValid(string path) => Problem(path) is null;

    /// <summary>Collapses <c>.</c>, empty segments and <c>x/..</c> lexically; a result starting with <c>..</c> or <c>/</c> is outside.</summary>
    public static string Normalize(string path)
    {
        var absolute = path.StartsWith('/');
        var parts = new List<string>();
        foreach (var segment in path.Replace('\\', '/').Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
                continue;
            if (segment == ".." && parts.Count > 0 && parts[^1] != "..")
                parts.RemoveAt(parts.Count - 1);
            else
                parts.Add(segment);
        }
        var joined = string.Join('/', parts);
        return absolute ? "/" + joined : joined;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> itself or lies under it (both canonical).</summary>
    public static bool IsUnder(string path, string folder) =>
        path == folder || path.StartsWith(folder + "/", StringComparison.Ordinal);
}
