namespace Ratchet.Oversight;

/// <summary>A candidate program file, analysed for the rules: its normalised tokens (strings folded, aliases expanded
/// from the whole file), and the lines it added or changed relative to its parent.</summary>
internal sealed class SourceFile
{
    private SourceFile(string path, SourceLanguage language, string text, List<Token> tokens, AliasTable aliases, IReadOnlySet<int> changed)
    {
        Path = path;
        Language = language;
        Lines = LineDiff.SplitLines(text);
        Tokens = tokens;
        Aliases = aliases;
        Changed = changed;
    }

    public string Path { get; }

    public SourceLanguage Language { get; }

    public string[] Lines { get; }

    public List<Token> Tokens { get; }

    public AliasTable Aliases { get; }

    /// <summary>1-based candidate lines that are new or changed.</summary>
    public IReadOnlySet<int> Changed { get; }

    /// <summary>Shell only: every variable the file assigns, and every variable use.</summary>
    public HashSet<string> ShellAssigned { get; private init; } = [];

    public List<ShellVariableUse> ShellUses { get; private init; } = [];

    private readonly Dictionary<int, bool[]> _starts = [];

    /// <summary>Token positions where a match spanning at most <paramref name="span"/> tokens can touch a changed line.</summary>
    public bool[] StartsNearChanges(int span)
    {
        if (_starts.TryGetValue(span, out var starts))
            return starts;
        starts = new bool[Tokens.Count];
        for (var i = 0; i < Tokens.Count; i++)
        {
            if (!IsChanged(Tokens[i]))
                continue;
            for (var s = Math.Max(0, i - span + 1); s <= i; s++)
                starts[s] = true;
        }
        return _starts[span] = starts;
    }

    public bool IsChanged(Token token)
    {
        for (var line = token.Line; line <= token.EndLine; line++)
        {
            if (Changed.Contains(line))
                return true;
        }
        return false;
    }

    public string Excerpt(int line)
    {
        var text = line >= 1 && line <= Lines.Length ? Lines[line - 1].Trim() : "";
        return text.Length > 120 ? text[..117] + "..." : text;
    }

    public static SourceFile Analyse(string path, string? parentText, string text)
    {
        var language = SourceLanguages.Detect(path, text);
        var changed = LineDiff.Compute(parentText, text).Added;
        if (language == SourceLanguage.Shell)
        {
            var (raw, uses) = ShellTokenizer.Tokenize(text);
            var (resolved, assigned) = ShellAliases.Resolve(raw);
            return new SourceFile(path, language, text, resolved, new AliasTable(), changed) { ShellAssigned = assigned, ShellUses = uses };
        }
        var tokens = language == SourceLanguage.Python ? DropDocstrings(PythonTokenizer.Tokenize(text)) : CFamilyTokenizer.Tokenize(text, language);
        tokens = StringFolder.Fold(tokens, language);
        tokens = AttributeNormalizer.Normalize(tokens, language);
        var aliases = language switch
        {
            SourceLanguage.Python => PythonAliases.Build(tokens),
            SourceLanguage.JavaScript => JavaScriptAliases.Build(tokens),
            _ => CurlyAliases.Build(tokens, language),
        };
        tokens = aliases.Expand(tokens, language == SourceLanguage.JavaScript ? JavaScriptAliases.GlobalObjects : null);
        tokens = AttributeNormalizer.Normalize(tokens, language);
        tokens = StringFolder.Fold(tokens, language);
        return new SourceFile(path, language, text, tokens, aliases, changed);
    }

    // A statement made only of string literals (a docstring) does nothing at run time; URLs and names in prose are not code.
    private static List<Token> DropDocstrings(List<Token> tokens)
    {
        var result = new List<Token>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            var statementStart = i == 0 || tokens[i - 1].Kind == TokenKind.NewLine || tokens[i - 1].Is(";");
            var end = i;
            while (end < tokens.Count && tokens[end].Kind == TokenKind.String)
                end++;
            if (statementStart && end > i && (end == tokens.Count || tokens[end].Kind == TokenKind.NewLine || tokens[end].Is(";")))
            {
                i = end - 1;
                continue;
            }
            result.Add(tokens[i]);
        }
        return result;
    }

    /// <summary>The normalised text of a line for line-regex rules: tokens starting on it, joined by single spaces.</summary>
    public string NormalisedLine(int line) => string.Join(' ', Tokens
        .Where(t => t.Line == line && t.Kind != TokenKind.NewLine)
        .Select(t => t.Kind == TokenKind.String ? "\"" + t.Text.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"" : t.Text));
}
