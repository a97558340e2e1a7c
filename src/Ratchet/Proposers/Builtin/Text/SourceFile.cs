using Ratchet.Tasks;

namespace Ratchet.Proposers.Builtin.Text;

/// <summary>One program file as the search sees it: its tokens, its evolve regions, and the places an operator may edit.
/// A file whose evolve markers are malformed has no editable places.</summary>
internal sealed partial class SourceFile
{
    private readonly Range[] _regions;

    private SourceFile(string path, string text, LanguageProfile profile)
    {
        Path = path;
        Text = text;
        Profile = profile;
        Tokens = Tokenizer.Tokenize(text, profile);
        var valid = EvolveRegions.TryParse(text, out var regions, out _);
        Regions = regions;
        _regions = valid ? [.. regions.Regions] : [];
        Literals = FindLiterals();
        Lines = FindLines();
        OperatorSites = FindOperatorSites();
        BooleanSites = FindBooleanSites();
    }

    public string Path { get; }

    public string Text { get; }

    public LanguageProfile Profile { get; }

    public IReadOnlyList<Token> Tokens { get; }

    public EvolveRegions Regions { get; }

    public IReadOnlyList<LiteralSite> Literals { get; }

    public IReadOnlyList<LineUnit> Lines { get; }

    /// <summary>Indices of tokens an operator swap may replace.</summary>
    public IReadOnlyList<int> OperatorSites { get; }

    /// <summary>Indices of boolean literal tokens.</summary>
    public IReadOnlyList<int> BooleanSites { get; }

    /// <summary>True when nothing in the file can be edited by any operator.</summary>
    public bool IsFrozen => Literals.Count == 0 && Lines.Count == 0 && OperatorSites.Count == 0 && BooleanSites.Count == 0;

    public static SourceFile Parse(string path, string text) => new(path, text, LanguageProfile.ForPath(path));

    public string TextOf(Token token) => token.TextIn(Text);

    /// <summary>The evolve region holding all of [start, end), or -1.</summary>
    public int RegionOf(int start, int end)
    {
        for (var i = 0; i < _regions.Length; i++)
        {
            var (offset, length) = _regions[i].GetOffsetAndLength(Text.Length);
            if (start >= offset && end <= offset + length)
                return i;
        }
        return -1;
    }

    /// <summary>This file's text with [start, end) replaced.</summary>
    public string Replace(int start, int end, string replacement) =>
        string.Concat(Text.AsSpan(0, start), replacement, Text.AsSpan(end));

    private int PreviousSignificant(int index)
    {
        for (var i = index - 1; i >= 0; i--)
        {
            if (Tokens[i].IsSignificant)
                return i;
        }
        return -1;
    }

    private int NextSignificant(int index)
    {
        for (var i = index + 1; i < Tokens.Count; i++)
        {
            if (Tokens[i].IsSignificant)
                return i;
        }
        return -1;
    }

    /// <summary>True when the token at <paramref name="index"/> ends an operand (so a following '-' is binary).</summary>
    private bool EndsOperand(int index)
    {
        if (index < 0)
            return false;
        var token = Tokens[index];
        return token.Kind switch
        {
            TokenKind.Number or TokenKind.String or TokenKind.Close => true,
            TokenKind.Word => !Keywords.StartsOperand(TextOf(token)),
            _ => false,
        };
    }

    private bool StartsOperand(int index)
    {
        if (index < 0)
            return false;
        var token = Tokens[index];
        return token.Kind switch
        {
            TokenKind.Number or TokenKind.String or TokenKind.Open => true,
            TokenKind.Word => !Keywords.StartsOperand(TextOf(token)) || TextOf(token) is "not" or "new" or "typeof" or "await" or "lambda",
            _ => false,
        };
    }
}
