namespace Ratchet.Oversight;

/// <summary>Folds constant string expressions into one synthetic string token, so that names built from pieces are judged
/// as the name they build: concatenation (<c>"ev" + "al"</c>, adjacent literals), repetition, reversal (<c>[::-1]</c>),
/// <c>join</c>, <c>chr</c>/<c>fromCharCode</c>/<c>(char)</c>, hex/base64/rot13 decoding, <c>%</c> formatting and
/// the case and replace methods. Folding repeats until nothing changes.</summary>
internal static partial class StringFolder
{
    private const int MaxLength = 4096;
    private const int MaxPasses = 16;

    public static List<Token> Fold(List<Token> tokens, SourceLanguage language)
    {
        if (language == SourceLanguage.Shell)
            return tokens;
        var current = tokens;
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var changed = false;
            var next = new List<Token>(current.Count);
            for (var i = 0; i < current.Count;)
            {
                if (TryFold(current, i, language, out var folded, out var consumed))
                {
                    next.Add(folded);
                    i += consumed;
                    changed = true;
                }
                else
                {
                    next.Add(current[i]);
                    i++;
                }
            }
            current = next;
            if (!changed)
                break;
        }
        return current;
    }

    private static bool TryFold(List<Token> t, int i, SourceLanguage language, out Token folded, out int consumed)
    {
        folded = null!;
        consumed = 0;
        string? text = null;
        var python = language == SourceLanguage.Python;
        var js = language == SourceLanguage.JavaScript;
        var cs = language == SourceLanguage.CSharp;

        // Adjacent literals join while lexing, before any operator applies ('met' 'sys'[::-1] is 'system').
        if (Str(t, i) && Str(t, i + 1) && (python || language is SourceLanguage.C or SourceLanguage.Other))
        {
            text = t[i].Text + t[i + 1].Text;
            consumed = 2;
        }
        else if (Str(t, i) && PostfixFold(t, i, language, out text, out consumed))
        {
        }
        else if (CallFold(t, i, language, out text, out consumed))
        {
        }
        else if (Str(t, i) && P(t, i + 1, "+") && Str(t, i + 2) && !BindsTighter(t, i - 1) && !PostfixFollows(t, i + 3))
        {
            text = t[i].Text + t[i + 2].Text;
            consumed = 3;
        }
        else if (python && Str(t, i) && P(t, i + 1, "*") && Num(t, i + 2, out var times) && !PostfixFollows(t, i + 3))
        {
            text = Repeat(t[i].Text, times);
            consumed = 3;
        }
        else if (python && Num(t, i, out var times2) && P(t, i + 1, "*") && Str(t, i + 2) && !BindsTighter(t, i - 1) && !PostfixFollows(t, i + 3))
        {
            text = Repeat(t[i + 2].Text, times2);
            consumed = 3;
        }
        else if (P(t, i, "(") && Str(t, i + 1) && P(t, i + 2, ")") && !IsCallee(t, i - 1))
        {
            text = t[i + 1].Text;
            consumed = 3;
        }
        else if (cs && P(t, i, "(") && Name(t, i + 1, "char") && P(t, i + 2, ")") && Num(t, i + 3, out var code))
        {
            text = Char(code);
            consumed = 4;
        }
        else if (js && P(t, i, "[") && ListOf(t, i, "]", out var parts, out var end) && P(t, end + 1, ".") && Name(t, end + 2, "join")
                 && P(t, end + 3, "(") && (P(t, end + 4, ")") || (Str(t, end + 4) && P(t, end + 5, ")"))))
        {
            var separator = Str(t, end + 4) ? t[end + 4].Text : ",";
            text = string.Join(separator, parts);
            consumed = (Str(t, end + 4) ? end + 6 : end + 5) - i;
        }
        if (text is null)
            return false;
        folded = new Token(TokenKind.String, text.Length > MaxLength ? text[..MaxLength] : text,
            t[i].Line, t[i + consumed - 1].EndLine, Synthetic: true);
        return true;
    }

    private static bool Str(List<Token> t, int i) => i >= 0 && i < t.Count && t[i].Kind == TokenKind.String;

    private static bool P(List<Token> t, int i, string punct) => i >= 0 && i < t.Count && t[i].Is(punct);

    private static bool Name(List<Token> t, int i, string name) => i >= 0 && i < t.Count && t[i].IsNamed(name);

    private static bool Num(List<Token> t, int i, out long value)
    {
        value = 0;
        if (i < 0 || i >= t.Count || t[i].Kind != TokenKind.Number)
            return false;
        var text = t[i].Text.Replace("_", "", StringComparison.Ordinal).Replace("'", "", StringComparison.Ordinal).TrimEnd('L', 'l', 'u', 'U');
        try
        {
            value = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? Convert.ToInt64(text[2..], 16)
                : text.StartsWith("0o", StringComparison.OrdinalIgnoreCase) ? Convert.ToInt64(text[2..], 8)
                : text.StartsWith("0b", StringComparison.OrdinalIgnoreCase) ? Convert.ToInt64(text[2..], 2)
                : long.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
            return true;
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
        {
            return false;
        }
    }

    // True when the operator before a string binds tighter than '+', so "x" * 2 + "y" is not folded as "x" * ("2y").
    private static bool BindsTighter(List<Token> t, int i) =>
        i >= 0 && t[i].Kind == TokenKind.Punct && t[i].Text is "*" or "/" or "%" or "." or "**" or "//" or "~";

    private static bool PostfixFollows(List<Token> t, int i) =>
        i < t.Count && t[i].Kind == TokenKind.Punct && t[i].Text is "[" or "." or "(" or "*" or "%" or "**";

    private static bool IsCallee(List<Token> t, int i) =>
        i >= 0 && (t[i].Kind is TokenKind.Identifier or TokenKind.String || t[i].Text is ")" or "]");

    private static string Repeat(string text, long times) =>
        times <= 0 ? "" : string.Concat(Enumerable.Repeat(text, (int)Math.Min(times, MaxLength / Math.Max(1, text.Length) + 1)));

    private static string Char(long code) => code is >= 0 and <= 0x10FFFF and (< 0xD800 or > 0xDFFF) ? char.ConvertFromUtf32((int)code) : "?";

    // [ STR , STR ... ] or ( STR , ... ) starting at 'open'; the strings and the index of the closing bracket.
    private static bool ListOf(List<Token> t, int open, string close, out List<string> items, out int end)
    {
        items = [];
        end = open + 1;
        while (end < t.Count)
        {
            if (t[end].Is(close))
                return true;
            if (!Str(t, end))
                return false;
            items.Add(t[end].Text);
            end++;
            if (P(t, end, ","))
                end++;
            else if (!P(t, end, close))
                return false;
        }
        return false;
    }

    // [ NUM , NUM ... ] or ( NUM , ... ) starting at 'open'.
    private static bool NumbersOf(List<Token> t, int open, out List<long> items, out int end)
    {
        items = [];
        end = open + 1;
        var close = P(t, open, "[") ? "]" : P(t, open, "(") ? ")" : P(t, open, "{") ? "}" : null;
        if (close is null)
            return false;
        while (end < t.Count)
        {
            if (t[end].Is(close))
                return items.Count > 0;
            if (!Num(t, end, out var value))
                return false;
            items.Add(value);
            end++;
            if (P(t, end, ","))
                end++;
            else if (!P(t, end, close))
                return false;
        }
        return false;
    }
}
