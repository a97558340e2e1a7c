using System.Text;

namespace Ratchet.Oversight;

internal sealed partial class CFamilyTokenizer
{
    // Reads a string, character or template literal starting here (with its prefix); false when none starts here.
    private bool TryString()
    {
        var c = _s[_i];
        if (IsCs)
            return CSharpString();
        if (IsJs)
        {
            if (c is '"' or '\'')
                return Regular(c, 1);
            if (c == '`')
                return Template();
            return false;
        }
        var p = 0;
        while (p < 3 && char.IsAsciiLetterOrDigit(At(p)) && "LuU8R".Contains(At(p)))
            p++;
        for (var length = p; length >= 0; length--)
        {
            var prefix = _s.Substring(_i, length);
            if (length > 0 && prefix is not ("L" or "u" or "U" or "u8" or "R" or "LR" or "uR" or "UR" or "u8R"))
                continue;
            var q = At(length);
            if (q == '"' && prefix.EndsWith('R'))
                return CppRaw(length);
            if (q is '"' or '\'')
                return Regular(q, length + 1);
        }
        return false;
    }

    private bool Regular(char quote, int skip)
    {
        var startLine = _line;
        _i += skip;
        var body = new StringBuilder();
        while (_i < _s.Length && _s[_i] != quote && _s[_i] != '\n')
        {
            if (_s[_i] == '\\' && _i + 1 < _s.Length)
            {
                if (_s[_i + 1] == '\n')
                    _line++;
                body.Append(_s[_i]).Append(_s[_i + 1]);
                _i += 2;
                continue;
            }
            body.Append(_s[_i++]);
        }
        if (_i < _s.Length && _s[_i] == quote)
            _i++;
        Add(TokenKind.String, StringEscapes.Decode(body.ToString(), _language), startLine);
        return true;
    }

    private bool CppRaw(int prefixLength)
    {
        var open = _s.IndexOf('(', _i + prefixLength + 1);
        if (open < 0)
            return false;
        var delimiter = _s[(_i + prefixLength + 1)..open];
        var closing = ")" + delimiter + "\"";
        var end = _s.IndexOf(closing, open, StringComparison.Ordinal);
        end = end < 0 ? _s.Length : end;
        var startLine = _line;
        var body = _s[(open + 1)..end];
        _line += body.Count(ch => ch == '\n');
        _i = Math.Min(end + closing.Length, _s.Length);
        Add(TokenKind.String, body, startLine);
        return true;
    }

    private bool CSharpString()
    {
        var dollars = 0;
        var verbatim = false;
        var p = 0;
        while (At(p) is '$' or '@')
        {
            if (At(p) == '$')
                dollars++;
            else
                verbatim = true;
            p++;
        }
        var q = At(p);
        if (q == '\'' && p == 0)
            return Regular('\'', 1);
        if (q != '"')
            return false;
        if (At(p + 1) == '"' && At(p + 2) == '"')
            return CSharpRaw(p, dollars);
        _i += p + 1;
        var startLine = _line;
        var parts = 0;
        var literal = new StringBuilder();
        while (_i < _s.Length)
        {
            var c = _s[_i];
            if (verbatim && c == '"' && At(1) == '"')
            {
                literal.Append('"');
                _i += 2;
                continue;
            }
            if (c == '"' || (!verbatim && c == '\n'))
                break;
            if (!verbatim && c == '\\' && _i + 1 < _s.Length)
            {
                literal.Append(c).Append(_s[_i + 1]);
                _i += 2;
                continue;
            }
            if (dollars > 0 && c is '{' or '}' && At(1) == c)
            {
                literal.Append(c);
                _i += 2;
                continue;
            }
            if (dollars > 0 && c == '{')
            {
                FlushLiteral(literal, verbatim, startLine, ref parts);
                Interpolation(FindClose(_s, _i), ref parts);
                startLine = _line;
                continue;
            }
            if (c == '\n')
                _line++;
            literal.Append(c);
            _i++;
        }
        if (_i < _s.Length && _s[_i] == '"')
            _i++;
        FlushLiteral(literal, verbatim, startLine, ref parts);
        EmptyIfNone(parts, startLine);
        return true;
    }

    private bool CSharpRaw(int prefixLength, int dollars)
    {
        var quotes = 0;
        while (At(prefixLength + quotes) == '"')
            quotes++;
        var start = _i + prefixLength + quotes;
        var closing = new string('"', quotes);
        var end = _s.IndexOf(closing, start, StringComparison.Ordinal);
        end = end < 0 ? _s.Length : end;
        var body = _s[start..end];
        var startLine = _line;
        if (dollars == 0)
        {
            _line += body.Count(ch => ch == '\n');
            Add(TokenKind.String, body, startLine);
        }
        else
        {
            foreach (var token in SplitInterpolated(body, startLine))
                _tokens.Add(token);
            _line += body.Count(ch => ch == '\n');
        }
        _i = Math.Min(end + quotes, _s.Length);
        return true;
    }

    private bool Template()
    {
        _i++;
        var startLine = _line;
        var parts = 0;
        var literal = new StringBuilder();
        while (_i < _s.Length && _s[_i] != '`')
        {
            var c = _s[_i];
            if (c == '\\' && _i + 1 < _s.Length)
            {
                literal.Append(c).Append(_s[_i + 1]);
                _i += 2;
                continue;
            }
            if (c == '$' && At(1) == '{')
            {
                FlushLiteral(literal, verbatim: false, startLine, ref parts);
                _i++;
                Interpolation(FindClose(_s, _i), ref parts);
                startLine = _line;
                continue;
            }
            if (c == '\n')
                _line++;
            literal.Append(c);
            _i++;
        }
        _i = Math.Min(_i + 1, _s.Length);
        FlushLiteral(literal, verbatim: false, startLine, ref parts);
        EmptyIfNone(parts, startLine);
        return true;
    }

    // _i is at '{'; tokenises the expression up to the matching '}' as code, parenthesised and joined to the parts by '+'.
    private void Interpolation(int close, ref int parts)
    {
        var expression = _s[(_i + 1)..Math.Min(close, _s.Length)];
        Join(ref parts);
        _tokens.Add(new Token(TokenKind.Punct, "(", _line, _line, Synthetic: true));
        _tokens.AddRange(Tokenize(expression, _language, _line));
        _tokens.Add(new Token(TokenKind.Punct, ")", _line, _line, Synthetic: true));
        _line += expression.Count(ch => ch == '\n');
        _i = Math.Min(close + 1, _s.Length);
    }

    private IEnumerable<Token> SplitInterpolated(string body, int line)
    {
        var literal = new StringBuilder();
        var parts = 0;
        var i = 0;
        while (i < body.Length)
        {
            if (body[i] == '{')
            {
                if (literal.Length > 0)
                {
                    if (parts++ > 0)
                        yield return new Token(TokenKind.Punct, "+", line, line, Synthetic: true);
                    yield return new Token(TokenKind.String, literal.ToString(), line, line);
                }
                literal.Clear();
                while (i < body.Length && body[i] == '{')
                    i++;
                var close = FindClose(body, i - 1);
                if (parts++ > 0)
                    yield return new Token(TokenKind.Punct, "+", line, line, Synthetic: true);
                yield return new Token(TokenKind.Punct, "(", line, line, Synthetic: true);
                foreach (var token in Tokenize(body[i..Math.Min(close, body.Length)], _language, line))
                    yield return token;
                yield return new Token(TokenKind.Punct, ")", line, line, Synthetic: true);
                i = close;
                while (i < body.Length && body[i] == '}')
                    i++;
                continue;
            }
            if (body[i] == '\n')
                line++;
            literal.Append(body[i++]);
        }
        if (literal.Length > 0)
        {
            if (parts > 0)
                yield return new Token(TokenKind.Punct, "+", line, line, Synthetic: true);
            yield return new Token(TokenKind.String, literal.ToString(), line, line);
        }
    }

    private void FlushLiteral(StringBuilder literal, bool verbatim, int startLine, ref int parts)
    {
        if (literal.Length == 0)
            return;
        var text = literal.ToString();
        Join(ref parts);
        Add(TokenKind.String, verbatim ? text : StringEscapes.Decode(text, _language), startLine);
        literal.Clear();
    }

    private void Join(ref int parts)
    {
        if (parts++ > 0)
            _tokens.Add(new Token(TokenKind.Punct, "+", _line, _line, Synthetic: true));
    }

    private void EmptyIfNone(int parts, int line)
    {
        if (parts == 0)
            Add(TokenKind.String, "", line);
    }

    // The index of the bracket closing the one at 'open', skipping nested brackets and quoted text.
    internal static int FindClose(string s, int open)
    {
        var depth = 0;
        for (var i = open; i < s.Length; i++)
        {
            var c = s[i];
            if (c is '"' or '\'' or '`')
            {
                for (i++; i < s.Length && s[i] != c; i++)
                {
                    if (s[i] == '\\')
                        i++;
                }
                continue;
            }
            if (c is '{' or '(' or '[')
                depth++;
            else if (c is '}' or ')' or ']' && --depth == 0)
                return i;
        }
        return s.Length;
    }
}
