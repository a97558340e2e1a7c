using System.Globalization;

namespace Ratchet.Proposers.Builtin.Text;

/// <summary>A decimal number literal the search may rewrite: its value and the shape to keep when it is rewritten.</summary>
/// <param name="Value">The value, with any absorbed unary minus.</param>
/// <param name="IsInteger">Integers stay integers (unless the genome allows otherwise).</param>
/// <param name="Suffix">Type suffix as written (<c>f</c>, <c>L</c>, <c>m</c>), kept on rewrite.</param>
internal sealed record NumericLiteral(double Value, bool IsInteger, string Suffix)
{
    private const double MaxExactInteger = 9007199254740992; // 2^53

    /// <summary>Parses a number token (without sign). Null for literals the search leaves alone: hex, binary, octal,
    /// unknown suffixes, complex numbers, integers too large for a double.</summary>
    public static NumericLiteral? TryParse(string token, LanguageProfile profile)
    {
        if (token.Length > 1 && token[0] == '0' && char.IsAsciiLetter(token[1]) && token[1] is not ('e' or 'E'))
            return null;
        var end = 0;
        while (end < token.Length && (char.IsAsciiDigit(token[end]) || token[end] is '_' or '.'))
            end++;
        var hasExponent = false;
        if (end < token.Length && token[end] is 'e' or 'E')
        {
            var k = end + 1;
            if (k < token.Length && token[k] is '+' or '-')
                k++;
            if (k < token.Length && char.IsAsciiDigit(token[k]))
            {
                while (k < token.Length && char.IsAsciiDigit(token[k]))
                    k++;
                end = k;
                hasExponent = true;
            }
        }
        var number = token[..end].Replace("_", "", StringComparison.Ordinal);
        var suffix = token[end..];
        var lowerSuffix = suffix.ToLowerInvariant();
        if (suffix.Length > 0 && !profile.NumberSuffixes.Contains(lowerSuffix))
            return null;
        var hasDot = number.Contains('.');
        if (!hasDot && !hasExponent && number.Length > 1 && number[0] == '0')
            return null; // legacy octal in C and JS
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            return null;
        var isInteger = !hasDot && !hasExponent && !profile.FloatSuffixes.Contains(lowerSuffix);
        if (isInteger && value > MaxExactInteger)
            return null;
        return new NumericLiteral(value, isInteger, suffix);
    }

    /// <summary>Writes <paramref name="value"/> in this literal's shape, with the fewest significant digits (at most
    /// <paramref name="maxDigits"/>) that keep the rounding error within <paramref name="tolerance"/>. Null when the
    /// value cannot be written in this shape (unsigned suffix with a negative value, non-finite, too large).</summary>
    public string? Format(double value, double tolerance, int maxDigits, bool integer)
    {
        if (!double.IsFinite(value))
            return null;
        if (integer)
        {
            var rounded = Math.Round(value, MidpointRounding.ToEven);
            if (Math.Abs(rounded) > MaxExactInteger)
                return null;
            if (rounded < 0 && Suffix.Contains('u', StringComparison.OrdinalIgnoreCase))
                return null;
            return ((long)rounded).ToString(CultureInfo.InvariantCulture) + Suffix;
        }
        var text = ShortestWithin(value, tolerance, maxDigits);
        if (text is "0" or "-0")
            text = "0";
        if (!text.Contains('.') && !text.Contains('e'))
            text += ".0";
        return text + (IsInteger ? "" : Suffix);
    }

    private static string ShortestWithin(double value, double tolerance, int maxDigits)
    {
        var text = value.ToString("G" + maxDigits, CultureInfo.InvariantCulture);
        for (var digits = 1; digits < maxDigits; digits++)
        {
            var candidate = value.ToString("G" + digits, CultureInfo.InvariantCulture);
            var back = double.Parse(candidate, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (Math.Abs(back - value) <= tolerance)
            {
                text = candidate;
                break;
            }
        }
        return text.Replace('E', 'e');
    }
}
