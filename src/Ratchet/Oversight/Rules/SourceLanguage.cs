namespace Ratchet.Oversight;

/// <summary>The language families the static rules know; <see cref="Other"/> gets only the language-neutral rules.</summary>
public enum SourceLanguage
{
    Python,
    CSharp,
    /// <summary>JavaScript and TypeScript.</summary>
    JavaScript,
    /// <summary>C and C++.</summary>
    C,
    /// <summary>POSIX shell and bash.</summary>
    Shell,
    /// <summary>Anything else (data or config files, other languages): tokenised like C, judged by the language-neutral rules.</summary>
    Other,
}

/// <summary>Picks a file's language from its extension, or its <c>#!</c> line.</summary>
public static class SourceLanguages
{
    /// <summary>All languages, for rules that apply everywhere.</summary>
    public static IReadOnlyList<SourceLanguage> All { get; } = Enum.GetValues<SourceLanguage>();

    public static SourceLanguage Detect(string path, string text)
    {
        switch (Path.GetExtension(path).ToLowerInvariant())
        {
            case ".py" or ".pyw" or ".pyi":
                return SourceLanguage.Python;
            case ".cs" or ".csx":
                return SourceLanguage.CSharp;
            case ".js" or ".mjs" or ".cjs" or ".jsx" or ".ts" or ".mts" or ".cts" or ".tsx":
                return SourceLanguage.JavaScript;
            case ".c" or ".h" or ".cc" or ".cpp" or ".cxx" or ".c++" or ".hpp" or ".hh" or ".hxx" or ".inl" or ".cu" or ".cuh":
                return SourceLanguage.C;
            case ".sh" or ".bash" or ".zsh" or ".ksh":
                return SourceLanguage.Shell;
        }
        if (!text.StartsWith("#!", StringComparison.Ordinal))
            return SourceLanguage.Other;
        var shebang = text.AsSpan(0, Math.Max(0, text.IndexOf('\n') is var nl and >= 0 ? nl : text.Length)).ToString();
        if (shebang.Contains("python", StringComparison.Ordinal))
            return SourceLanguage.Python;
        if (shebang.Contains("node", StringComparison.Ordinal) || shebang.Contains("deno", StringComparison.Ordinal) || shebang.Contains("bun", StringComparison.Ordinal))
            return SourceLanguage.JavaScript;
        if (shebang.Contains("dotnet", StringComparison.Ordinal))
            return SourceLanguage.CSharp;
        return shebang.Contains("sh", StringComparison.Ordinal) ? SourceLanguage.Shell : SourceLanguage.Other;
    }
}
