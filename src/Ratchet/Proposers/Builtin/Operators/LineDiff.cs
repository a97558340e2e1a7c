namespace Ratchet.Proposers.Builtin.Operators;

/// <summary>A block where two line lists differ: lines [AStart, AEnd) of the first stand where [BStart, BEnd) of the second do.</summary>
internal readonly record struct Hunk(int AStart, int AEnd, int BStart, int BEnd);

/// <summary>Differing blocks of two line lists, from a longest common subsequence.</summary>
internal static class LineDiff
{
    /// <summary>Largest table (lines × lines) the diff will build; bigger inputs get no hunks.</summary>
    public const long MaxCells = 4_000_000;

    public static IReadOnlyList<string> SplitLines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        while (start < text.Length)
        {
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline + 1;
            lines.Add(text[start..end]);
            start = end;
        }
        return lines;
    }

    /// <summary>The hunks turning <paramref name="a"/> into <paramref name="b"/>, or null when the inputs are too large.</summary>
    public static IReadOnlyList<Hunk>? Hunks(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if ((long)(a.Count + 1) * (b.Count + 1) > MaxCells)
            return null;
        var lcs = new int[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
        {
            for (var j = b.Count - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        }
        var hunks = new List<Hunk>();
        int x = 0, y = 0, hx = -1, hy = -1;
        while (x < a.Count || y < b.Count)
        {
            if (x < a.Count && y < b.Count && a[x] == b[y])
            {
                if (hx >= 0)
                    hunks.Add(new Hunk(hx, x, hy, y));
                hx = -1;
                x++;
                y++;
                continue;
            }
            if (hx < 0)
                (hx, hy) = (x, y);
            if (y >= b.Count || (x < a.Count && lcs[x + 1, y] >= lcs[x, y + 1]))
                x++;
            else
                y++;
        }
        if (hx >= 0)
            hunks.Add(new Hunk(hx, a.Count, hy, b.Count));
        return hunks;
    }
}
