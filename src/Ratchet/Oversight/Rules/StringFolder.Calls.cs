using System.Text;

namespace Ratchet.Oversight;

internal static partial class StringFolder
{
    private static readonly Dictionary<string, Func<string, string>> NoArgumentMethods = new(StringComparer.Ordinal)
    {
        ["lower"] = s => s.ToLowerInvariant(), ["casefold"] = s => s.ToLowerInvariant(), ["upper"] = s => s.ToUpperInvariant(),
        ["strip"] = s => s.Trim(), ["lstrip"] = s => s.TrimStart(), ["rstrip"] = s => s.TrimEnd(),
        ["swapcase"] = s => new string(s.Select(c => char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c)).ToArray()),
        ["toLowerCase"] = s => s.ToLowerInvariant(), ["toUpperCase"] = s => s.ToUpperInvariant(), ["trim"] = s => s.Trim(),
        ["trimStart"] = s => s.TrimStart(), ["trimEnd"] = s => s.TrimEnd(), ["ToLower"] = s => s.ToLowerInvariant(),
        ["ToUpper"] = s => s.ToUpperInvariant(), ["ToLowerInvariant"] = s => s.ToLowerInvariant(),
        ["ToUpperInvariant"] = s => s.ToUpperInvariant(), ["Trim"] = s => s.Trim(), ["decode"] = s => s, ["encode"] = s => s,
        ["toString"] = s => s, ["ToString"] = s => s,
    };

    // STR followed by a postfix operation whose operands are constants.
    private static bool PostfixFold(List<Token> t, int i, SourceLanguage language, out string? text, out int consumed)
    {
        var s = t[i].Text;
        text = null;
        consumed = 0;
        if (P(t, i + 1, "[") && Slice(t, i + 2, out var slice, out var close) && language is SourceLanguage.Python or SourceLanguage.JavaScript)
        {
            text = slice(s);
            consumed = close + 1 - i;
            return true;
        }
        if (language == SourceLanguage.Python && P(t, i + 1, "%") && FormatArguments(t, i + 2, out var arguments, out var end))
        {
            text = PercentFormat(s, arguments);
            consumed = end + 1 - i;
            return true;
        }
        if (!P(t, i + 1, ".") || i + 3 >= t.Count || !t[i + 2].IsName || !P(t, i + 3, "("))
            return false;
        var method = t[i + 2].Text;
        var open = i + 3;
        if (method == "join" && language == SourceLanguage.Python)
        {
            if (Str(t, open + 1) && P(t, open + 2, ")"))
            {
                text = string.Join(s, t[open + 1].Text.Select(c => c.ToString()));
                consumed = open + 3 - i;
                return true;
            }
            if ((P(t, open + 1, "[") && ListOf(t, open + 1, "]", out var items, out var listEnd)
                 || P(t, open + 1, "(") && ListOf(t, open + 1, ")", out items, out listEnd)) && P(t, listEnd + 1, ")"))
            {
                text = string.Join(s, items);
                consumed = listEnd + 2 - i;
                return true;
            }
            return false;
        }
        if (method is "replace" or "replaceAll" or "Replace" && Str(t, open + 1) && P(t, open + 2, ",") && Str(t, open + 3) && P(t, open + 4, ")"))
        {
            text = t[open + 1].Text.Length == 0 ? s : s.Replace(t[open + 1].Text, t[open + 3].Text, StringComparison.Ordinal);
            consumed = open + 5 - i;
            return true;
        }
        if (method is "slice" or "substring" or "Substring" && Num(t, open + 1, out var from) && P(t, open + 2, ")"))
        {
            text = s[(int)Math.Clamp(from, 0, s.Length)..];
            consumed = open + 3 - i;
            return true;
        }
        if (method is "slice" or "substring" or "Substring" && Num(t, open + 1, out var a) && P(t, open + 2, ",") && Num(t, open + 3, out var b) && P(t, open + 4, ")"))
        {
            var start = (int)Math.Clamp(a, 0, s.Length);
            var stop = method == "Substring" ? (int)Math.Clamp(a + b, start, s.Length) : (int)Math.Clamp(b, start, s.Length);
            text = s[start..stop];
            consumed = open + 5 - i;
            return true;
        }
        if (NoArgumentMethods.TryGetValue(method, out var transform))
        {
            // decode()/encode() may name an encoding; the text is the same either way.
            var close2 = open + 1;
            while (close2 < t.Count && (Str(t, close2) || P(t, close2, ",")))
                close2++;
            if (!P(t, close2, ")") || (close2 > open + 1 && method is not ("decode" or "encode")))
                return false;
            text = transform(s);
            consumed = close2 + 1 - i;
            return true;
        }
        return false;
    }

    // [ a : b : c ] with optional integer parts (Python), or [ n ] (index); returns the operation and the ']' index.
    private static bool Slice(List<Token> t, int i, out Func<string, string> slice, out int close)
    {
        slice = s => s;
        close = i;
        var parts = new List<long?> { null };
        while (close < t.Count && !t[close].Is("]"))
        {
            if (t[close].Is(":"))
            {
                parts.Add(null);
                close++;
            }
            else if (P(t, close, "-") && Num(t, close + 1, out var negative))
            {
                parts[^1] = -negative;
                close += 2;
            }
            else if (Num(t, close, out var value))
            {
                parts[^1] = value;
                close++;
            }
            else
            {
                return false;
            }
        }
        if (close >= t.Count || parts.Count > 3 || (parts.Count == 1 && parts[0] is null))
            return false;
        if (parts.Count == 1)
        {
            var index = parts[0]!.Value;
            slice = s => s.Length == 0 ? "" : s[(int)(((index % s.Length) + s.Length) % s.Length)].ToString();
            return true;
        }
        var (start, stop, step) = (parts[0], parts[1], parts.Count == 3 ? parts[2] ?? 1 : 1);
        if (step == 0)
            return false;
        slice = s => PythonSlice(s, start, stop, step);
        return true;
    }

    private static string PythonSlice(string s, long? start, long? stop, long step)
    {
        var n = s.Length;
        long Clamp(long? v, long fallback, long low, long high) =>
            v is null ? fallback : Math.Clamp(v.Value < 0 ? v.Value + n : v.Value, low, high);
        var text = new StringBuilder();
        if (step > 0)
        {
            for (var k = Clamp(start, 0, 0, n); k < Clamp(stop, n, 0, n); k += step)
                text.Append(s[(int)k]);
        }
        else
        {
            for (var k = Clamp(start, n - 1, -1, n - 1); k > Clamp(stop, -1, -1, n - 1); k += step)
                text.Append(s[(int)k]);
        }
        return text.ToString();
    }

    private static bool FormatArguments(List<Token> t, int i, out List<string> arguments, out int end)
    {
        arguments = [];
        end = i;
        if (Str(t, i) || Num(t, i, out _))
        {
            arguments.Add(Str(t, i) ? t[i].Text : Char(Num(t, i, out var v) ? v : 0) + "\0" + t[i].Text);
            return !PostfixFollows(t, i + 1);
        }
        if (!P(t, i, "("))
            return false;
        end = i + 1;
        while (end < t.Count && !t[end].Is(")"))
        {
            if (Str(t, end))
                arguments.Add(t[end].Text);
            else if (Num(t, end, out var value))
                arguments.Add(Char(value) + "\0" + t[end].Text);
            else
                return false;
            end++;
            if (P(t, end, ","))
                end++;
        }
        return end < t.Count;
    }

    // %c takes a code point, %s/%r/%d the value as written; numbers travel as "char\0digits".
    private static string PercentFormat(string format, List<string> arguments)
    {
        var text = new StringBuilder();
        var next = 0;
        for (var k = 0; k < format.Length; k++)
        {
            if (format[k] != '%' || k + 1 >= format.Length)
            {
                text.Append(format[k]);
                continue;
            }
            var spec = format[++k];
            if (spec == '%')
            {
                text.Append('%');
                continue;
            }
            var argument = next < arguments.Count ? arguments[next++] : "";
            var parts = argument.Split('\0');
            text.Append(spec == 'c' ? parts[0] : parts[^1]);
        }
        return text.ToString();
    }
}
