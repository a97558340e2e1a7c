namespace Ratchet.Proposers.Builtin.Genome;

/// <summary>Finds the valid name closest to a misspelt one (Levenshtein distance), for "did you mean" hints.</summary>
internal static class NearestName
{
    public static string Find(string name, IEnumerable<string> candidates) =>
        candidates.OrderBy(c => Distance(name, c)).ThenBy(c => c, StringComparer.Ordinal).First();

    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
