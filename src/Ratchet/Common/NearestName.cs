namespace Ratchet.Common;

/// <summary>Finds the valid name closest to a misspelt one, for "did you mean ...?" hints.</summary>
public static class NearestName
{
    /// <summary>The candidate closest to <paramref name="name"/> by edit distance (insert, delete, replace,
    /// swap of neighbours), or null when none is close enough to be a plausible typo. Ties go to the
    /// earlier candidate, so the answer is stable.</summary>
    public static string? Find(string name, IEnumerable<string> candidates) =>
        Closest(name, candidates) is { } best && Distance(name.ToLowerInvariant(), best.ToLowerInvariant()) <= Tolerance(name, best) ? best : null;

    /// <summary>The candidate closest to <paramref name="name"/> however far it is (ties: the earlier candidate), or null
    /// when there are no candidates; for hints that list a closed set, where any nearest entry helps.</summary>
    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    /// <summary>Optimal-string-alignment distance: Levenshtein plus a swap of two neighbours counting as one edit.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
            d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++)
            d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }

    // A third of the longer name, at least one and at most three edits: 'comand' -> 'command' but not 'x' -> 'env'.
    private static int Tolerance(string name, string candidate) =>
        Math.Clamp(Math.Max(name.Length, candidate.Length) / 3, 1, 3);
}
