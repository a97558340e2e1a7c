using System.Text;

namespace Ratchet.Oversight;

/// <summary>Tokenises Python: drops comments, decodes string escapes (raw and byte strings as Python reads them), splits
/// f-strings into their literal parts and the tokens of their <c>{expressions}</c>, folds identifiers with NFKC, and emits a
/// <see cref="TokenKind.NewLine"/> at the end of each logical line.</summary>
internal static class PythonTokenizer
{
    private static readonly string[] Operators =
    [
        "**=", "//=", ">>=", "<<=", "...", "==", "!=", "<=", ">=", "->", ":=", "**", "//", "<<", ">>",
        "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=",
    ];

    public static List<Token> Tokenize(string source, int firstLine = 1)
    {
        var tokens = new List<Token>();
        var line = firstLine;
        var depth = 0;
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            if (c == '\n')
            {
                if (depth == 0 && tokens.Count > 0 && tokens[^1].Kind != TokenKind.NewLine)
                    tokens.Add(new Token(TokenKind.NewLine, "\n", line, line));
                line++;
                i++;
            }
            else if (c == '\\' && i + 1 < source.Length && source[i + 1] is '\n' or '\r')
            {
                i += source[i + 1] == '\r' && i + 2 < source.Length && source[i + 2] == '\n' ? 3 : 2;
                line++;
            }
            else if (char.IsWhiteSpace(c) || c == '\f')
            {
                i++;
            }
            else if (c == '#')
            {
                while (i < source.Length && source[i] != '\n')
                    i++;
            }
            else if (StringStart(source, i) is var (prefixLength, quote) && quote != '\0')
            {
                i = ReadString(source, i, prefixLength, ref line, tokens);
            }
            else if (IsNameStart(c))
            {
                var start = i;
                while (i < source.Length && IsNamePart(source[i]))
                    i++;
                tokens.Add(new Token(TokenKind.Identifier, NfkcAscii.Fold(source[start..i]), line, line));
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < source.Length && char.IsAsciiDigit(source[i + 1])))
            {
                var start = i;
                while (i < source.Length && (char.IsAsciiLetterOrDigit(source[i]) || source[i] is '_' or '.'
                       || (source[i] is '+' or '-' && source[i - 1] is 'e' or 'E' && !source[start..i].StartsWith("0x", StringComparison.OrdinalIgnoreCase))))
                    i++;
                tokens.Add(new Token(TokenKind.Number, source[start..i], line, line));
            }
            else
            {
                var op = Operators.FirstOrDefault(o => string.CompareOrdinal(source, i, o, 0, o.Length) == 0) ?? c.ToString();
                depth = op switch
                {
                    "(" or "[" or "{" => depth + 1,
                    ")" or "]" or "}" => Math.Max(0, depth - 1),
                    _ => depth,
                };
                tokens.Add(new Token(TokenKind.Punct, op, line, line));
                i += op.Length;
            }
        }
        return tokens;
    }

    internal static bool IsNameStart(char c) => char.IsLetter(c) || c == '_' || c >= 0x80 && !char.IsWhiteSpace(c);

    internal static bool IsNamePart(char c) => IsNameStart(c) || char.IsDigit(c);

    // A string starts here when up to two prefix letters (r, b, u, f in any case and order) are followed by a quote.
    private static (int PrefixLength, char Quote) StringStart(string s, int i)
    {
        var p = 0;
        while (p < 2 && i + p < s.Length && "rRbBuUfF".Contains(s[i + p]))
            p++;
        for (var length = p; length >= 0; length--)
        {
            if (i + length < s.Length && s[i + length] is '"' or '\'' && (i == 0 || length == 0 || !IsNamePart(s[i - 1])))
                return (length, s[i + length]);
        }
        return (0, '\0');
    }

    private static int ReadString(string s, int i, int prefixLength, ref int line, List<Token> tokens)
    {
        var prefix = s.Substring(i, prefixLength).ToLowerInvariant();
        var quote = s[i + prefixLength];
        var triple = i + prefixLength + 2 < s.Length && s[i + prefixLength + 1] == quote && s[i + prefixLength + 2] == quote;
        var start = i + prefixLength + (triple ? 3 : 1);
        var startLine = line;
        var j = start;
        while (j < s.Length)
        {
            if (s[j] == '\\' && j + 1 < s.Length)
            {
                if (s[j + 1] == '\n')
                    line++;
                j += 2;
                continue;
            }
            if (s[j] == '\n')
            {
                if (!triple)
                    break;
                line++;
            }
            if (s[j] == quote && (!triple || (j + 2 < s.Length && s[j + 1] == quote && s[j + 2] == quote)))
                break;
            j++;
        }
        var body = s[start..Math.Min(j, s.Length)];
        var end = j >= s.Length ? s.Length : s[j] == '\n' ? j : j + (triple ? 3 : 1);
        if (prefix.Contains('f'))
            FormattedString(body, prefix.Contains('r'), startLine, tokens);
        else
            tokens.Add(new Token(TokenKind.String, prefix.Contains('r') ? body : StringEscapes.Decode(body, SourceLanguage.Python), startLine, line));
        return end;
    }

    // f"lit{expr!r:fmt}lit": literal parts become strings, each {expr} is tokenised as code (it runs), and the parts are
    // joined with '+' and the expressions parenthesised, so constant pieces fold like any concatenation.
    private static void FormattedString(string body, bool raw, int line, List<Token> tokens)
    {
        var parts = 0;
        var literal = new StringBuilder();
        var literalLine = line;
        var i = 0;
        while (i < body.Length)
        {
            var c = body[i];
            if (c is '{' or '}' && i + 1 < body.Length && body[i + 1] == c)
            {
                literal.Append(c);
                i += 2;
                continue;
            }
            if (c == '{')
            {
                Flush(literal, raw, literalLine, line, tokens, ref parts);
                var close = MatchingBrace(body, i);
                var expression = body[(i + 1)..close];
                Join(tokens, line, ref parts);
                tokens.Add(new Token(TokenKind.Punct, "(", line, line, Synthetic: true));
                foreach (var token in Tokenize(expression, line))
                {
                    if (token.Kind != TokenKind.NewLine)
                        tokens.Add(token);
                }
                line += expression.Count(ch => ch == '\n');
                tokens.Add(new Token(TokenKind.Punct, ")", line, line, Synthetic: true));
                i = Math.Min(close + 1, body.Length);
                literalLine = line;
                continue;
            }
            if (c == '\n')
                line++;
            literal.Append(c);
            i++;
        }
        Flush(literal, raw, literalLine, line, tokens, ref parts);
        if (parts == 0)
            tokens.Add(new Token(TokenKind.String, "", line, line));
    }

    private static void Join(List<Token> tokens, int line, ref int parts)
    {
        if (parts++ > 0)
            tokens.Add(new Token(TokenKind.Punct, "+", line, line, Synthetic: true));
    }

    private static void Flush(StringBuilder literal, bool raw, int startLine, int endLine, List<Token> tokens, ref int parts)
    {
        if (literal.Length == 0)
            return;
        var text = literal.ToString();
        Join(tokens, startLine, ref parts);
        tokens.Add(new Token(TokenKind.String, raw ? text : StringEscapes.Decode(text, SourceLanguage.Python), startLine, endLine));
        literal.Clear();
    }

    private static int MatchingBrace(string body, int open)
    {
        var depth = 0;
        char? inQuote = null;
        for (var i = open; i < body.Length; i++)
        {
            var c = body[i];
            if (inQuote is { } q)
            {
                if (c == '\\')
                    i++;
                else if (c == q)
                    inQuote = null;
                continue;
            }
            if (c is '\'' or '"')
                inQuote = c;
            else if (c is '{' or '[' or '(')
                depth++;
            else if (c is '}' or ']' or ')' && --depth == 0)
                return i;
        }
        return body.Length;
    }
}
