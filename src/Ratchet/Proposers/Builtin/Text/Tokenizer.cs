namespace Ratchet.Proposers.Builtin.Text;

/// <summary>Splits a source text into tokens under a <see cref="LanguageProfile"/>. It never fails: text it does not
/// understand becomes operator or string tokens, which the search leaves alone or treats conservatively.</summary>
internal sealed partial class Tokenizer
{
    private static readonly string[] Operators =
    [
        ">>>=", "===", "!==", ">>>", "<<=", ">>=", "**=", "//=", "...", "??=",
        "->", "=>", "==", "!=", "<=", ">=", "&&", "||", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=",
        "<<", ">>", "**", "//", "::", "??", "?.", ":=", "@=",
    ];

    private static readonly HashSet<string> RegexPrecedingWords =
        ["return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void", "throw", "yield", "await"];

    private readonly string _text;
    private readonly LanguageProfile _profile;
    private readonly List<Token> _tokens = [];
    private int _lastSignificant = -1;

    private Tokenizer(string text, LanguageProfile profile)
    {
        _text = text;
        _profile = profile;
    }

    public static IReadOnlyList<Token> Tokenize(string text, LanguageProfile profile)
    {
        var tokenizer = new Tokenizer(text, profile);
        tokenizer.Run();
        return tokenizer._tokens;
    }

    private void Run()
    {
        var i = 0;
        while (i < _text.Length)
        {
            var (kind, end) = Next(i);
            Add(kind, i, end);
            i = end;
        }
    }

    private void Add(TokenKind kind, int start, int end)
    {
        var token = new Token(kind, start, end - start);
        if (token.IsSignificant)
            _lastSignificant = _tokens.Count;
        _tokens.Add(token);
    }

    private (TokenKind Kind, int End) Next(int i)
    {
        var c = _text[i];
        if (c == '\n')
            return (TokenKind.Newline, i + 1);
        if (c is ' ' or '\t' or '\r' or '\f' or '\v')
            return (TokenKind.Whitespace, SkipWhile(i, ch => ch is ' ' or '\t' or '\r' or '\f' or '\v'));
        if (c == '#' && _profile.HashDirectives && AtLineStart(i))
            return (TokenKind.Directive, DirectiveEnd(i));
        foreach (var prefix in _profile.LineComments)
        {
            if (At(i, prefix))
                return (TokenKind.Comment, LineEnd(i));
        }
        if (_profile.BlockComments && At(i, "/*"))
        {
            var close = _text.IndexOf("*/", i + 2, StringComparison.Ordinal);
            return (TokenKind.Comment, close < 0 ? _text.Length : close + 2);
        }
        if (TryString(i) is { } stringEnd)
            return (TokenKind.String, stringEnd);
        if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < _text.Length && char.IsAsciiDigit(_text[i + 1]) && !AfterOperand()))
            return (TokenKind.Number, NumberEnd(i));
        if (IsWordStart(i))
            return (TokenKind.Word, WordEnd(i));
        if (c is '(' or '[' or '{')
            return (TokenKind.Open, i + 1);
        if (c is ')' or ']' or '}')
            return (TokenKind.Close, i + 1);
        if (c == '/' && _profile.RegexLiterals && !AfterOperand() && RegexEnd(i) is { } regexEnd)
            return (TokenKind.String, regexEnd);
        foreach (var op in Operators)
        {
            if (At(i, op))
                return (TokenKind.Operator, i + op.Length);
        }
        return (TokenKind.Operator, i + (char.IsSurrogatePair(_text, i) ? 2 : 1));
    }

    private bool At(int i, string s) => string.CompareOrdinal(_text, i, s, 0, s.Length) == 0;

    private int SkipWhile(int i, Func<char, bool> predicate)
    {
        while (i < _text.Length && predicate(_text[i]))
            i++;
        return i;
    }

    private int LineEnd(int i)
    {
        var newline = _text.IndexOf('\n', i);
        return newline < 0 ? _text.Length : newline;
    }

    private bool AtLineStart(int i)
    {
        for (var j = i - 1; j >= 0 && _text[j] != '\n'; j--)
        {
            if (_text[j] is not (' ' or '\t' or '\r'))
                return false;
        }
        return true;
    }

    private int DirectiveEnd(int i)
    {
        var end = LineEnd(i);
        while (end < _text.Length && ContinuesLine(end))
            end = LineEnd(end + 1);
        return end;
    }

    private bool ContinuesLine(int newline)
    {
        var j = newline - 1;
        if (j >= 0 && _text[j] == '\r')
            j--;
        return j >= 0 && _text[j] == '\\';
    }

    /// <summary>True when the previous code token ends an operand, so '/' divides and '.' is member access.</summary>
    private bool AfterOperand()
    {
        if (_lastSignificant < 0)
            return false;
        var last = _tokens[_lastSignificant];
        return last.Kind switch
        {
            TokenKind.Number or TokenKind.String or TokenKind.Close => true,
            TokenKind.Word => !RegexPrecedingWords.Contains(last.TextIn(_text)),
            _ => false,
        };
    }

    private bool IsWordStart(int i)
    {
        var c = _text[i];
        if (char.IsLetter(c) || c == '_' || (c == '$' && _profile.DollarInWords))
            return true;
        return c == '@' && _profile.CSharpStrings && i + 1 < _text.Length && (char.IsLetter(_text[i + 1]) || _text[i + 1] == '_');
    }

    private int WordEnd(int i) =>
        SkipWhile(i + 1, ch => char.IsLetterOrDigit(ch) || ch == '_' || (ch == '$' && _profile.DollarInWords));

    private int NumberEnd(int i)
    {
        var j = i;
        if (_text[j] == '0' && j + 1 < _text.Length && _text[j + 1] is 'x' or 'X' or 'b' or 'B' or 'o' or 'O')
            return SkipWhile(j + 2, ch => char.IsAsciiLetterOrDigit(ch) || ch == '_');
        j = SkipWhile(j, ch => char.IsAsciiDigit(ch) || ch == '_');
        if (j < _text.Length && _text[j] == '.')
        {
            var after = j + 1 < _text.Length ? _text[j + 1] : '\0';
            if (char.IsAsciiDigit(after))
                j = SkipWhile(j + 1, ch => char.IsAsciiDigit(ch) || ch == '_');
            else if (after != '.' && !char.IsLetter(after) && after != '_')
                j++;
        }
        if (j < _text.Length && _text[j] is 'e' or 'E')
        {
            var k = j + 1;
            if (k < _text.Length && _text[k] is '+' or '-')
                k++;
            if (k < _text.Length && char.IsAsciiDigit(_text[k]))
                j = SkipWhile(k, char.IsAsciiDigit);
        }
        return SkipWhile(j, ch => char.IsAsciiLetterOrDigit(ch) || ch == '_');
    }

    private int? RegexEnd(int i)
    {
        var inClass = false;
        for (var j = i + 1; j < _text.Length && _text[j] != '\n'; j++)
        {
            switch (_text[j])
            {
                case '\\':
                    j++;
                    break;
                case '[':
                    inClass = true;
                    break;
                case ']':
                    inClass = false;
                    break;
                case '/' when !inClass:
                    return j == i + 1 ? null : SkipWhile(j + 1, char.IsAsciiLetter);
            }
        }
        return null;
    }
}
