namespace Ratchet.Proposers.Builtin.Text;

/// <summary>What a token is, as far as the search needs to know.</summary>
internal enum TokenKind
{
    Whitespace,
    Newline,
    Comment,
    /// <summary>A preprocessor or compiler directive line (<c>#include</c>, <c>#if</c>): never edited.</summary>
    Directive,
    /// <summary>A string, character, template or regular-expression literal: never edited.</summary>
    String,
    Number,
    Word,
    Operator,
    Open,
    Close,
}

/// <summary>A span of a source text with its kind.</summary>
internal readonly record struct Token(TokenKind Kind, int Start, int Length)
{
    public int End => Start + Length;

    /// <summary>True for tokens that carry code (not layout, comments or directives).</summary>
    public bool IsSignificant => Kind is not (TokenKind.Whitespace or TokenKind.Newline or TokenKind.Comment or TokenKind.Directive);

    public string TextIn(string source) => source.Substring(Start, Length);
}
