namespace Ratchet.Sandbox.Cgroups;

/// <summary>Reads cgroup files: flat-keyed ("key value" per line) and single values.</summary>
internal static class KeyedFile
{
    /// <summary>The value of <paramref name="key"/> in flat-keyed text, or 0 when absent.</summary>
    public static long Value(string text, string key)
    {
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            var space = line.IndexOf(' ');
            if (space > 0 && line[..space].SequenceEqual(key) && long.TryParse(line[(space + 1)..].Trim(), out var value))
            {
                return value;
            }
        }

        return 0;
    }

    /// <summary>The value of <paramref name="key"/> in the file at <paramref name="path"/>, or 0 when the file or key is missing.</summary>
    public static long Read(string path, string key)
    {
        var text = TryReadAll(path);
        return text is null ? 0 : Value(text, key);
    }

    /// <summary>A file holding one integer; 0 when missing or unparsable ("max" included).</summary>
    public static long ReadSingle(string path) =>
        long.TryParse(TryReadAll(path)?.Trim(), out var value) ? value : 0;

    public static string? TryReadAll(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
