namespace Ratchet.Sandbox.Staging;

/// <summary>Which <see cref="StagedFile.RelativePath"/> values may be placed in a sandbox's working folder.</summary>
internal static class StagedPathRules
{
    /// <summary>Why <paramref name="relativePath"/> is refused, or null when it is a plain relative path like <c>data/x.json</c>.</summary>
    public static string? Problem(string relativePath)
    {
        if (string.IsNullOrEmpty(relativePath))
        {
            return "is empty";
        }

        if (relativePath.StartsWith('/'))
        {
            return "is absolute";
        }

        if (relativePath.Contains('\0'))
        {
            return "contains a NUL character";
        }

        foreach (var segment in relativePath.Split('/'))
        {
            switch (segment)
            {
                case "..":
                    return "contains '..'";
                case "." or "":
                    return "contains an empty or '.' segment";
            }
        }

        return null;
    }

    /// <summary>Throws for every refused path and for duplicates, all listed together.</summary>
    public static void Validate(IReadOnlyList<StagedFile> files)
    {
        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (Problem(file.RelativePath) is { } problem)
            {
                problems.Add($"'{file.RelativePath}' {problem}");
            }
            else if (!seen.Add(file.RelativePath))
            {
                problems.Add($"'{file.RelativePath}' is staged twice");
            }

            if ((file.HostPath is null) == (file.Content is null))
            {
                problems.Add($"'{file.RelativePath}' must have exactly one of HostPath and Content");
            }
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException(
                "staged files must be relative paths inside the working folder (e.g. data/x.json): " + string.Join("; ", problems));
        }
    }
}
