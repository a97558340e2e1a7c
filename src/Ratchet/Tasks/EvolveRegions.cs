namespace Ratchet.Tasks;

/// <summary>The parts of a program file a proposer may change: the text between an <c>EVOLVE-BLOCK-START</c>
/// line and the next <c>EVOLVE-BLOCK-END</c> line, or the whole file when it has no markers.</summary>
public sealed class EvolveRegions
{
    public const string StartMarker = "EVOLVE-BLOCK-START";
    public const string EndMarker = "EVOLVE-BLOCK-END";

    private EvolveRegions(string text, IReadOnlyList<Range> regions, bool hasMarkers)
    {
        Text = text;
        Regions = regions;
        HasMarkers = hasMarkers;
    }

    /// <summary>The file's text.</summary>
    public string Text { get; }

    /// <summary>Editable ranges of <see cref="Text"/>, in order; one range covering everything when there are no markers.</summary>
    public IReadOnlyList<Range> Regions { get; }

    /// <summary>True when the file declares evolve regions.</summary>
    public bool HasMarkers { get; }

    /// <summary>The editable texts, in order.</summary>
    public IReadOnlyList<string> Inside => Regions.Select(r => Text[r]).ToArray();

    /// <summary>The fixed texts around the regions: one more than <see cref="Regions"/>.</summary>
    public IReadOnlyList<string> Outside
    {
        get
        {
            var parts = new List<string>(Regions.Count + 1);
            var at = 0;
            foreach (var r in Regions)
            {
                var (start, length) = r.GetOffsetAndLength(Text.Length);
                parts.Add(Text[at..start]);
                at = start + length;
            }
            parts.Add(Text[at..]);
            return parts;
        }
    }

    /// <summary>Finds the regions, or explains why the markers are malformed (nested, unmatched).</summary>
    public static bool TryParse(string text, out EvolveRegions regions, out string? error) =>
        TryParse(text, out regions, out error, out _);

    /// <summary>Like <see cref="TryParse(string, out EvolveRegions, out string?)"/>, also giving the 1-based line
    /// of the faulty marker (the unclosed start marker when one is never closed), or 0 without an error.</summary>
    public static bool TryParse(string text, out EvolveRegions regions, out string? error, out int errorLine)
    {
        var found = new List<Range>();
        var lineStart = 0;
        int? openAfter = null;
        var openLine = 0;
        var lineNo = 0;
        error = null;
        errorLine = 0;
        while (lineStart <= text.Length)
        {
            lineNo++;
            var newline = text.IndexOf('\n', lineStart);
            var lineEnd = newline < 0 ? text.Length : newline;
            var nextStart = newline < 0 ? text.Length + 1 : newline + 1;
            var line = text.AsSpan(lineStart, lineEnd - lineStart);
            var isStart = line.Contains(StartMarker, StringComparison.Ordinal);
            var isEnd = line.Contains(EndMarker, StringComparison.Ordinal);
            if (isStart && isEnd)
            {
                error = $"line {lineNo} holds both {StartMarker} and {EndMarker}; put each marker on its own line";
                break;
            }
            if (isStart)
            {
                if (openAfter is not null)
                {
                    error = $"line {lineNo}: {StartMarker} inside an open evolve block; close it with {EndMarker} first";
                    break;
                }
                openAfter = Math.Min(nextStart, text.Length);
                openLine = lineNo;
            }
            else if (isEnd)
            {
                if (openAfter is null)
                {
                    error = $"line {lineNo}: {EndMarker} without a matching {StartMarker}";
                    break;
                }
                found.Add(new Range(openAfter.Value, lineStart));
                openAfter = null;
            }
            lineStart = nextStart;
        }
        if (error is not null)
        {
            errorLine = lineNo;
        }
        else if (openAfter is not null)
        {
            error = $"{StartMarker} is never closed; add a line with {EndMarker}";
            errorLine = openLine;
        }
        var hasMarkers = found.Count > 0 || error is not null;
        regions = new EvolveRegions(text, hasMarkers ? found : [new Range(0, text.Length)], hasMarkers);
        return error is null;
    }

    public static EvolveRegions Parse(string text) =>
        TryParse(text, out var regions, out var error) ? regions : throw new FormatException(error);

    /// <summary>Checks that <paramref name="changed"/> differs from this file only inside its regions.
    /// Returns null when it does, else a reason naming the first changed line outside a region.</summary>
    public string? CheckChange(string changed) => CheckChange(changed, out _);

    /// <summary>Like <see cref="CheckChange(string)"/>, also giving the 1-based line of <paramref name="changed"/>
    /// where the problem is (0 when there is none).</summary>
    public string? CheckChange(string changed, out int line)
    {
        line = 0;
        if (!HasMarkers)
            return null;
        if (!TryParse(changed, out var after, out var error, out line))
            return $"the evolve markers are broken in the new text: {error}";
        if (after.Regions.Count != Regions.Count)
        {
            line = LineOf(changed, FirstDifference(Text, changed));
            return $"the number of evolve blocks changed from {Regions.Count} to {after.Regions.Count}";
        }
        var before = Outside;
        var now = after.Outside;
        for (var i = 0; i < before.Count; i++)
        {
            if (!string.Equals(before[i], now[i], StringComparison.Ordinal))
            {
                var offset = i == 0 ? 0 : after.Regions[i - 1].End.GetOffset(changed.Length);
                line = LineOf(changed, offset + FirstDifference(before[i], now[i]));
                return $"text outside the evolve blocks changed (line {line})";
            }
        }
        return null;
    }

    /// <summary>Replaces the region texts, keeping everything outside them.</summary>
    public string WithInside(IReadOnlyList<string> inside)
    {
        if (inside.Count != Regions.Count)
            throw new ArgumentException($"expected {Regions.Count} region texts, got {inside.Count}", nameof(inside));
        var outside = Outside;
        var builder = new System.Text.StringBuilder(Text.Length + 64);
        for (var i = 0; i < inside.Count; i++)
        {
            builder.Append(outside[i]);
            builder.Append(inside[i]);
        }
        builder.Append(outside[^1]);
        return builder.ToString();
    }

    private static int FirstDifference(string a, string b)
    {
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            if (a[i] != b[i])
                return i;
        }
        return n;
    }

    private static int LineOf(string text, int offset)
    {
        var line = 1;
        for (var i = 0; i < offset && i < text.Length; i++)
        {
            if (text[i] == '\n')
                line++;
        }
        return line;
    }
}
