namespace Ratchet.Proposers.Builtin.Text;

internal sealed partial class Tokenizer
{
    private const int MaxCharLiteral = 12;

    /// <summary>The end of a string-like literal starting at <paramref name="i"/>, or null when none starts there.</summary>
    private int? TryString(int i)
    {
        var c = _text[i];
        if (_profile.PythonStrings)
            return PythonString(i);
        if (_profile.CSharpStrings && CSharpString(i) is { } csharp)
            return csharp;
        if (c == '`' && _profile.BacktickStrings)
            return _profile.TemplateHoles ? Template(i) : RawBacktick(i);
        if (c == '"')
            return Quoted(i, '"', multiline: false);
        if (c == '\'')
            return _profile.CharLiterals ? CharLiteral(i) : Quoted(i, '\'', multiline: false);
        return null;
    }

    private int? PythonString(int i)
    {
        var j = i;
        while (j < _text.Length && j - i < 2 && "rRbBuUfFtT".Contains(_text[j]))
            j++;
        if (j >= _text.Length || _text[j] is not ('\'' or '"'))
            return null;
        var quote = _text[j];
        var triple = new string(quote, 3);
        if (At(j, triple))
            return UntilUnescaped(j + 3, triple);
        return Quoted(j, quote, multiline: false);
    }

    private int? CSharpString(int i)
    {
        var j = i;
        var dollars = 0;
        var verbatim = false;
        while (j < _text.Length && (_text[j] == '$' || (_text[j] == '@' && !verbatim)))
        {
            if (_text[j] == '$')
                dollars++;
            else
                verbatim = true;
            j++;
        }
        if (j >= _text.Length || _text[j] != '"')
            return null;
        if (At(j, "\"\"\""))
        {
            var quotes = SkipWhile(j, ch => ch == '"') - j;
            var close = _text.IndexOf(new string('"', quotes), j + quotes, StringComparison.Ordinal);
            return close < 0 ? _text.Length : close + quotes;
        }
        if (dollars == 0 && !verbatim)
            return Quoted(j, '"', multiline: false);
        return Interpolated(j, verbatim, holes: dollars > 0);
    }

    private int Interpolated(int quote, bool verbatim, bool holes)
    {
        var j = quote + 1;
        while (j < _text.Length)
        {
            var c = _text[j];
            var next = j + 1 < _text.Length ? _text[j + 1] : '\0';
            if (c == '\\' && !verbatim)
                j += 2;
            else if (c == '"' && verbatim && next == '"')
                j += 2;
            else if (c == '"')
                return j + 1;
            else if (c == '{' && holes && next == '{')
                j += 2;
            else if (c == '{' && holes)
                j = SkipHole(j + 1);
            else if (c == '\n' && !verbatim)
                return j;
            else
                j++;
        }
        return _text.Length;
    }

    private int Template(int tick)
    {
        var j = tick + 1;
        while (j < _text.Length)
        {
            var c = _text[j];
            if (c == '\\')
                j += 2;
            else if (c == '`')
                return j + 1;
            else if (c == '$' && j + 1 < _text.Length && _text[j + 1] == '{')
                j = SkipHole(j + 2);
            else
                j++;
        }
        return _text.Length;
    }

    /// <summary>Skips the code of an interpolation hole up to and including its closing brace.</summary>
    private int SkipHole(int j)
    {
        var depth = 0;
        while (j < _text.Length)
        {
            var c = _text[j];
            if (c is '"' or '\'' or '`' or '@' or '$' && TryString(j) is { } end && end > j)
            {
                j = end;
                continue;
            }
            if (c == '{')
                depth++;
            else if (c == '}' && depth-- == 0)
                return j + 1;
            j++;
        }
        return _text.Length;
    }

    private int RawBacktick(int tick)
    {
        var close = _text.IndexOf('`', tick + 1);
        return close < 0 ? _text.Length : close + 1;
    }

    private int? CharLiteral(int quote)
    {
        for (var j = quote + 1; j < _text.Length && j - quote <= MaxCharLiteral && _text[j] != '\n'; j++)
        {
            if (_text[j] == '\\')
                j++;
            else if (_text[j] == '\'')
                return j == quote + 1 ? null : j + 1;
        }
        return null;
    }

    /// <summary>A quoted literal with backslash escapes; an unterminated one on a single line ends at the newline.</summary>
    private int Quoted(int quote, char close, bool multiline)
    {
        for (var j = quote + 1; j < _text.Length; j++)
        {
            var c = _text[j];
            if (c == '\\')
                j++;
            else if (c == close)
                return j + 1;
            else if (c == '\n' && !multiline)
                return j;
        }
        return _text.Length;
    }

    private int UntilUnescaped(int j, string close)
    {
        while (j < _text.Length)
        {
            if (_text[j] == '\\')
                j += 2;
            else if (At(j, close))
                return j + close.Length;
            else
                j++;
        }
        return _text.Length;
    }
}
