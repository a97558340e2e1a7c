namespace Ratchet.Oversight;

/// <summary>The kinds of token in the normalised stream the rules match.</summary>
internal enum TokenKind
{
    /// <summary>A name, normalised (escapes decoded, Python's NFKC folding applied).</summary>
    Identifier,
    /// <summary>A string or character literal; the text is the decoded content.</summary>
    String,
    Number,
    /// <summary>An operator or bracket.</summary>
    Punct,
    /// <summary>The end of a logical line (Python, shell).</summary>
    NewLine,
    /// <summary>A JavaScript regular-expression literal (not a string: its escapes are regex syntax).</summary>
    Regex,
    /// <summary>A shell word, quotes removed and known variables substituted; both a name and a string.</summary>
    Word,
}

/// <summary>One token of a source file. Comments never become tokens.</summary>
/// <param name="Line">1-based line where the token starts.</param>
/// <param name="EndLine">1-based line where it ends (multi-line strings).</param>
/// <param name="Synthetic">True when the token was made by alias expansion or constant folding.</param>
/// <param name="Binding">True for a name at the place it is bound (<c>x</c> in <c>x = os.system</c>), which is never expanded.</param>
internal sealed record Token(TokenKind Kind, string Text, int Line, int EndLine, bool Synthetic = false, bool Binding = false)
{
    public bool IsName => Kind is TokenKind.Identifier or TokenKind.Word;

    public bool IsText => Kind is TokenKind.String or TokenKind.Word;

    public bool Is(string punct) => Kind == TokenKind.Punct && Text == punct;

    public bool IsNamed(string name) => IsName && Text == name;

    public override string ToString() => Kind == TokenKind.String ? $"\"{Text}\"" : Text;
}
