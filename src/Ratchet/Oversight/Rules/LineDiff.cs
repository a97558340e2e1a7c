namespace Ratchet.Oversight;

/// <summary>The lines a candidate file added or changed relative to its parent, by a line-level shortest edit script
/// (Myers). Past <see cref="MaxEdits"/> edits the differing middle is treated as changed wholesale, which only ever
/// judges more lines, never fewer.</summary>
public sealed class LineDiff
{
    /// <summary>Edit-distance bound before the diff gives up on precision.</summary>
    public const int MaxEdits = 1000;

    private LineDiff(IReadOnlySet<int> added, int removed)
    {
        Added = added;
        Removed = removed;
    }

    /// <summary>1-based line numbers of the candidate that are new or changed.</summary>
    public IReadOnlySet<int> Added { get; }

    /// <summary>Number of parent lines that are gone or changed.</summary>
    public int Removed { get; }

    /// <summary>Changed lines in all: added plus removed.</summary>
    public int ChangedLines => Added.Count + Removed;

    /// <summary>Compares two texts line by line; a null parent means the whole candidate is new.</summary>
    public static LineDiff Compute(string? parent, string candidate)
    {
        var b = SplitLines(candidate);
        if (parent is null)
            return new LineDiff(Enumerable.Range(1, b.Length).ToHashSet(), 0);
        var a = SplitLines(parent);
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
            prefix++;
        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[a.Length - 1 - suffix] == b[b.Length - 1 - suffix])
            suffix++;
        var midA = a[prefix..(a.Length - suffix)];
        var midB = b[prefix..(b.Length - suffix)];
        var (keptA, keptB) = Myers(midA, midB);
        var added = new HashSet<int>();
        for (var j = 0; j < midB.Length; j++)
        {
            if (!keptB[j])
                added.Add(prefix + j + 1);
        }
        return new LineDiff(added, keptA.Count(k => !k));
    }

    internal static string[] SplitLines(string text) =>
        text.Length == 0 ? [] : text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');

    // Marks, for each line of a and of b, whether it belongs to a longest common subsequence found by Myers' O((N+M)D) walk.
    private static (bool[] KeptA, bool[] KeptB) Myers(string[] a, string[] b)
    {
        var keptA = new bool[a.Length];
        var keptB = new bool[b.Length];
        int n = a.Length, m = b.Length, max = n + m;
        if (n == 0 || m == 0)
            return (keptA, keptB);
        var limit = Math.Min(max, MaxEdits);
        var v = new int[2 * limit + 2];
        var trace = new List<int[]>();
        var offset = limit + 1;
        for (var d = 0; d <= limit; d++)
        {
            trace.Add((int[])v.Clone());
            for (var k = -d; k <= d; k += 2)
            {
                var x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && a[x] == b[y])
                {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m)
                {
                    Backtrack(trace, offset, n, m, d, a, b, keptA, keptB);
                    return (keptA, keptB);
                }
            }
        }
        return (keptA, keptB);
    }

    private static void Backtrack(List<int[]> trace, int offset, int x, int y, int d, string[] a, string[] b, bool[] keptA, bool[] keptB)
    {
        for (; d > 0; d--)
        {
            var v = trace[d];
            var k = x - y;
            var previousK = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? k + 1 : k - 1;
            var previousX = v[offset + previousK];
            var previousY = previousX - previousK;
            while (x > previousX && y > previousY)
            {
                keptA[--x] = true;
                keptB[--y] = true;
            }
            x = previousX;
            y = previousY;
        }
        while (x > 0 && y > 0)
        {
            keptA[--x] = true;
            keptB[--y] = true;
        }
    }
}
