using Ratchet.Proposers.Builtin.Text;

namespace Ratchet.Proposers.Builtin.Operators;

/// <summary>Writes new values into literal sites, keeping each literal's shape and keeping the tokens around it apart.</summary>
internal static class LiteralRewrite
{
    /// <summary>The text of <paramref name="site"/> for <paramref name="value"/>, or null when the shape cannot hold it.</summary>
    public static string? Text(LiteralSite site, double value, double step, int maxDigits, bool integer) =>
        site.Literal.Format(value, Math.Abs(step) * 0.1, maxDigits, integer);

    /// <summary>The file text with the given (site, new text) pairs applied.</summary>
    public static string Apply(SourceFile file, IEnumerable<(LiteralSite Site, string Text)> rewrites)
    {
        var text = file.Text;
        foreach (var (site, replacement) in rewrites.OrderByDescending(r => r.Site.Start))
        {
            var spaced = replacement;
            // "x-3" becoming "x--2" would read as a decrement in C-family languages.
            if (spaced.StartsWith('-') && site.Start > 0 && text[site.Start - 1] is '-' or '+')
                spaced = " " + spaced;
            text = string.Concat(text.AsSpan(0, site.Start), spaced, text.AsSpan(site.End));
        }
        return text;
    }
}
