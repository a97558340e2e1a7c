using System.Globalization;
using System.Text;

namespace Ratchet.Oversight;

/// <summary>Decodes escape sequences in string literals, so that <c>"\x65val"</c> is judged as <c>eval</c>.</summary>
internal static class StringEscapes
{
    /// <summary>Decodes the body of a string literal (between its quotes) as the language reads it.</summary>
    public static string Decode(string body, SourceLanguage language)
    {
        if (!body.Contains('\\'))
            return body;
        var text = new StringBuilder(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c != '\\' || i + 1 >= body.Length)
            {
                text.Append(c);
                continue;
            }
            var e = body[++i];
            switch (e)
            {
                case 'n': text.Append('\n'); break;
                case 't': text.Append('\t'); break;
                case 'r': text.Append('\r'); break;
                case 'a': text.Append('\a'); break;
                case 'b': text.Append('\b'); break;
                case 'f': text.Append('\f'); break;
                case 'v': text.Append('\v'); break;
                case 'e' when language == SourceLanguage.Shell: text.Append('\u001b'); break;
                case 'x':
                    {
                        var max = language is SourceLanguage.C ? 8 : language == SourceLanguage.CSharp ? 4 : 2;
                        i = AppendHex(body, i + 1, 1, max, text) - 1;
                        break;
                    }
                case 'u' when language == SourceLanguage.JavaScript && i + 1 < body.Length && body[i + 1] == '{':
                    {
                        var close = body.IndexOf('}', i + 2);
                        if (close < 0)
                            goto default;
                        AppendCodePoint(body[(i + 2)..close], text);
                        i = close;
                        break;
                    }
                case 'u':
                    i = AppendHex(body, i + 1, 4, 4, text) - 1;
                    break;
                case 'U':
                    i = AppendHex(body, i + 1, 8, 8, text) - 1;
                    break;
                case 'N' when language == SourceLanguage.Python && i + 1 < body.Length && body[i + 1] == '{':
                    {
                        var close = body.IndexOf('}', i + 2);
                        if (close < 0)
                            goto default;
                        text.Append(UnicodeName(body[(i + 2)..close]));
                        i = close;
                        break;
                    }
                case >= '0' and <= '7':
                    {
                        var end = i;
                        while (end < body.Length && end - i < 3 && body[end] is >= '0' and <= '7')
                            end++;
                        text.Append((char)Convert.ToInt32(body[i..end], 8));
                        i = end - 1;
                        break;
                    }
                case '\n':
                    break;
                default:
                    if (language == SourceLanguage.Python && e is not ('\\' or '\'' or '"'))
                        text.Append('\\');
                    text.Append(e);
                    break;
            }
        }
        return text.ToString();
    }

    // Appends the code point spelled by min..max hex digits from start; returns the index after them (or start when none).
    private static int AppendHex(string body, int start, int min, int max, StringBuilder text)
    {
        var end = start;
        while (end < body.Length && end - start < max && Uri.IsHexDigit(body[end]))
            end++;
        if (end - start < min)
        {
            text.Append('\\').Append(body[start - 1]);
            return start;
        }
        AppendCodePoint(body[start..end], text);
        return end;
    }

    private static void AppendCodePoint(string hex, StringBuilder text)
    {
        if (int.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var cp) && cp is >= 0 and <= 0x10FFFF && cp is < 0xD800 or > 0xDFFF)
            text.Append(char.ConvertFromUtf32(cp));
        else
            text.Append('?');
    }

    // \N{...}: the names an attacker would use to spell identifiers; anything else stays unknown.
    private static string UnicodeName(string name)
    {
        var upper = name.Trim().ToUpperInvariant();
        const string small = "LATIN SMALL LETTER ", capital = "LATIN CAPITAL LETTER ", digit = "DIGIT ";
        if (upper.StartsWith(small, StringComparison.Ordinal) && upper.Length == small.Length + 1)
            return char.ToLowerInvariant(upper[^1]).ToString();
        if (upper.StartsWith(capital, StringComparison.Ordinal) && upper.Length == capital.Length + 1)
            return upper[^1].ToString();
        if (upper.StartsWith(digit, StringComparison.Ordinal))
        {
            string[] digits = ["ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE"];
            var index = Array.IndexOf(digits, upper[digit.Length..]);
            if (index >= 0)
                return index.ToString(CultureInfo.InvariantCulture);
        }
        return upper switch
        {
            "LOW LINE" => "_",
            "FULL STOP" => ".",
            "SOLIDUS" => "/",
            "SPACE" => " ",
            "TILDE" => "~",
            _ => "?",
        };
    }
}
