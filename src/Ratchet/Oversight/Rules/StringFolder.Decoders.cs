using System.Text;

namespace Ratchet.Oversight;

internal static partial class StringFolder
{
    // NAME(...) or MODULE.NAME(...) with constant arguments that decodes or builds a string.
    private static bool CallFold(List<Token> t, int i, SourceLanguage language, out string? text, out int consumed)
    {
        text = null;
        consumed = 0;
        if (i >= t.Count || !t[i].IsName || (i > 0 && t[i - 1].Is(".")))
            return false;
        var qualified = t[i].Text;
        var open = i + 1;
        if (P(t, i + 1, ".") && i + 2 < t.Count && t[i + 2].IsName)
        {
            qualified += "." + t[i + 2].Text;
            open = i + 3;
            if (P(t, i + 3, ".") && i + 4 < t.Count && t[i + 4].IsName)
            {
                qualified += "." + t[i + 4].Text;
                open = i + 5;
            }
        }
        if (!P(t, open, "("))
            return false;
        int close;
        switch (language, qualified)
        {
            case (SourceLanguage.Python, "chr") or (SourceLanguage.CSharp, "char.ConvertFromUtf32" or "Convert.ToChar"):
                if (!Num(t, open + 1, out var code) || !P(t, open + 2, ")"))
                    return false;
                text = Char(code);
                close = open + 2;
                break;
            case (SourceLanguage.JavaScript, "String.fromCharCode" or "String.fromCodePoint")
                or (SourceLanguage.Python, "bytes" or "bytearray") when NumbersArgument(t, open, language, out var codes, out close):
                text = string.Concat(codes.Select(Char));
                break;
            case (SourceLanguage.Python, "map") when Name(t, open + 1, "chr") && P(t, open + 2, ",") && NumbersOf(t, open + 3, out var mapped, out var listEnd) && P(t, listEnd + 1, ")"):
                text = string.Concat(mapped.Select(Char));
                close = listEnd + 1;
                break;
            case (SourceLanguage.Python, "str" or "bytes" or "bytearray" or "reversed") or (SourceLanguage.JavaScript, "String" or "decodeURIComponent" or "decodeURI" or "unescape")
                or (SourceLanguage.CSharp, "Uri.UnescapeDataString" or "WebUtility.UrlDecode" or "Regex.Unescape"):
                if (!Str(t, open + 1))
                    return false;
                close = open + 2;
                if (language == SourceLanguage.Python && P(t, close, ",") && Str(t, close + 1))
                    close += 2;
                if (!P(t, close, ")"))
                    return false;
                var argument = t[open + 1].Text;
                text = qualified == "reversed" ? new string(argument.Reverse().ToArray())
                    : qualified.Contains("nescape", StringComparison.Ordinal) || qualified.StartsWith("decodeURI", StringComparison.Ordinal) || qualified.EndsWith("UrlDecode", StringComparison.Ordinal)
                        ? PercentDecode(argument) : argument;
                break;
            case (SourceLanguage.Python, "bytes.fromhex" or "bytearray.fromhex" or "binascii.unhexlify" or "binascii.a2b_hex")
                or (SourceLanguage.CSharp, "Convert.FromHexString"):
                if (!Str(t, open + 1) || !P(t, open + 2, ")"))
                    return false;
                text = Hex(t[open + 1].Text);
                close = open + 2;
                break;
            case (SourceLanguage.Python, "base64.b64decode" or "base64.standard_b64decode" or "base64.urlsafe_b64decode" or "base64.decodebytes" or "binascii.a2b_base64")
                or (SourceLanguage.JavaScript, "atob") or (SourceLanguage.CSharp, "Convert.FromBase64String"):
                if (!Str(t, open + 1) || !P(t, open + 2, ")"))
                    return false;
                text = Base64(t[open + 1].Text);
                close = open + 2;
                break;
            case (SourceLanguage.Python, "codecs.decode" or "codecs.encode") or (SourceLanguage.JavaScript, "Buffer.from"):
                if (!Str(t, open + 1))
                    return false;
                var encoding = P(t, open + 2, ",") && Str(t, open + 3) ? t[open + 3].Text.ToLowerInvariant().Replace("-", "_", StringComparison.Ordinal) : "utf8";
                close = P(t, open + 2, ",") ? open + 4 : open + 2;
                if (!P(t, close, ")"))
                    return false;
                text = encoding switch
                {
                    "rot13" or "rot_13" => Rot13(t[open + 1].Text),
                    "hex" or "hex_codec" => Hex(t[open + 1].Text),
                    "base64" or "base64_codec" or "base64url" => Base64(t[open + 1].Text),
                    _ => t[open + 1].Text,
                };
                break;
            case (SourceLanguage.CSharp, "Encoding.UTF8.GetString" or "Encoding.ASCII.GetString" or "Encoding.Latin1.GetString" or "Encoding.Default.GetString"):
                if (!Str(t, open + 1) || !P(t, open + 2, ")"))
                    return false;
                text = t[open + 1].Text;
                close = open + 2;
                break;
            case (SourceLanguage.CSharp, "string.Concat" or "String.Concat") when ListOf(t, open, ")", out var pieces, out close):
                text = string.Concat(pieces);
                break;
            case (SourceLanguage.CSharp, "string.Join" or "String.Join") when ListOf(t, open, ")", out var joined, out close) && joined.Count > 0:
                text = string.Join(joined[0], joined.Skip(1));
                break;
            default:
                return false;
        }
        consumed = close + 1 - i;
        return true;
    }

    private static bool NumbersArgument(List<Token> t, int open, SourceLanguage language, out List<long> codes, out int close)
    {
        if (language == SourceLanguage.Python)
        {
            var ok = NumbersOf(t, open + 1, out codes, out var end) && P(t, end + 1, ")");
            close = end + 1;
            return ok;
        }
        return NumbersOf(t, open, out codes, out close);
    }

    private static string Hex(string hex)
    {
        var digits = new string(hex.Where(Uri.IsHexDigit).ToArray());
        try
        {
            return Encoding.Latin1.GetString(Convert.FromHexString(digits.Length % 2 == 0 ? digits : digits[..^1]));
        }
        catch (FormatException)
        {
            return hex;
        }
    }

    private static string Base64(string text)
    {
        var clean = new string(text.Where(c => !char.IsWhiteSpace(c)).ToArray()).Replace('-', '+').Replace('_', '/').TrimEnd('=');
        clean = clean.PadRight(clean.Length + (4 - clean.Length % 4) % 4, '=');
        try
        {
            return Encoding.Latin1.GetString(Convert.FromBase64String(clean));
        }
        catch (FormatException)
        {
            return text;
        }
    }

    private static string Rot13(string text) => new(text.Select(c => c switch
    {
        >= 'a' and <= 'z' => (char)('a' + (c - 'a' + 13) % 26),
        >= 'A' and <= 'Z' => (char)('A' + (c - 'A' + 13) % 26),
        _ => c,
    }).ToArray());

    private static string PercentDecode(string text)
    {
        var decoded = new StringBuilder();
        for (var k = 0; k < text.Length; k++)
        {
            if (text[k] == '%' && k + 2 < text.Length && Uri.IsHexDigit(text[k + 1]) && Uri.IsHexDigit(text[k + 2]))
            {
                decoded.Append((char)Convert.ToInt32(text.Substring(k + 1, 2), 16));
                k += 2;
            }
            else if (text[k] == '%' && k + 5 < text.Length && text[k + 1] == 'u' && text.Substring(k + 2, 4).All(Uri.IsHexDigit))
            {
                decoded.Append((char)Convert.ToInt32(text.Substring(k + 2, 4), 16));
                k += 5;
            }
            else
            {
                decoded.Append(text[k]);
            }
        }
        return decoded.ToString();
    }
}
