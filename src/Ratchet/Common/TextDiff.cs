using System.Text;

namespace Ratchet.Common;

/// <summary>Line diffs (Myers' O(ND) algorithm) rendered as unified diffs, for proposals, <c>show</c> and exports.</summary>
public static class TextDiff
{
    /// <summary>A unified diff of every file that differs between two file maps (path → text), paths as a/ and b/.</summary>
    public static string Unified(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after, int context = 3)
    {
        var builder = new StringBuilder();
        foreach (var path in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            before.TryGetValue(path, out var oldText);
            after.TryGetValue(path, out var newText);
            if (string.Equals(oldText, newText, StringComparison.Ordinal))
                continue;
            builder.Append(oldText is null ? "--- /dev/null\n" : $"--- a/{path}\n");
            builder.Append(newText is null ? "+++ /dev/null\n" : $"+++ b/{path}\n");
            AppendHunks(builder, Lines(oldText), Lines(newText), context);
        }
        return builder.ToString();
    }

    /// <summary>Lines added and removed between two texts.</summary>
    public static (int Added, int Removed) Count(string? before, string? after)
    {
        var added = 0;
        var removed = 0;
        foreach (var (kind, _, _) in Script(Lines(before), Lines(after)))
        {
            if (kind == '+')
                added++;
            else if (kind == '-')
                removed++;
        }
        return (added, removed);
    }

    private static string[] Lines(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return [];
        var lines = text.Split('\n');
        return text.EndsWith('\n') ? lines[..^1] : lines;
    }

    private static void AppendHunks(StringBuilder builder, string[] a, string[] b, int context)
    {
        var script = Script(a, b);
        var i = 0;
        while (i < script.Count)
        {
            if (script[i].Kind == ' ')
            {
                i++;
                continue;
            }
            var start = Math.Max(0, i - context);
            var end = i;
            var lastChange = i;
            while (end < script.Count && (script[end].Kind != ' ' || end - lastChange <= 2 * context))
            {
                if (script[end].Kind != ' ')
                    lastChange = end;
                end++;
            }
            end = Math.Min(script.Count, lastChange + context + 1);
            var hunk = script.GetRange(start, end - start);
            var oldStart = hunk.FirstOrDefault(e => e.Kind != '+').OldIndex;
            var newStart = hunk.FirstOrDefault(e => e.Kind != '-').NewIndex;
            var oldCount = hunk.Count(e => e.Kind != '+');
            var newCount = hunk.Count(e => e.Kind != '-');
            builder.Append($"@@ -{Range(oldStart, oldCount, a.Length)} +{Range(newStart, newCount, b.Length)} @@\n");
            foreach (var (kind, oldIndex, newIndex) in hunk)
                builder.Append(kind).Append(kind == '+' ? b[newIndex] : a[oldIndex]).Append('\n');
            i = end;
        }
    }

    private static string Range(int start, int count, int total) =>
        count == 0 ? $"{Math.Min(start, total)},0" : count == 1 ? $"{start + 1}" : $"{start + 1},{count}";

    /// <summary>An edit script: ' ' keep, '-' delete from a, '+' insert from b, with indexes into both.</summary>
    private static List<(char Kind, int OldIndex, int NewIndex)> Script(string[] a, string[] b)
    {
        // Trim the common head and tail first: most edits are small, and Myers' trace grows with the middle only.
        var head = 0;
        while (head < a.Length && head < b.Length && string.Equals(a[head], b[head], StringComparison.Ordinal))
            head++;
        var tail = 0;
        while (tail < a.Length - head && tail < b.Length - head
               && string.Equals(a[a.Length - 1 - tail], b[b.Length - 1 - tail], StringComparison.Ordinal))
            tail++;
        var middle = Myers(a[head..(a.Length - tail)], b[head..(b.Length - tail)]);
        var script = new List<(char, int, int)>(head + middle.Count + tail);
        for (var i = 0; i < head; i++)
            script.Add((' ', i, i));
        foreach (var (kind, oldIndex, newIndex) in middle)
            script.Add((kind, oldIndex + head, newIndex + head));
        for (var i = tail; i > 0; i--)
            script.Add((' ', a.Length - i, b.Length - i));
        return script;
    }

    private static List<(char Kind, int OldIndex, int NewIndex)> Myers(string[] a, string[] b)
    {
        var n = a.Length;
        var m = b.Length;
        var max = n + m;
        var v = new int[2 * max + 2];
        var trace = new List<int[]>();
        for (var d = 0; d <= max; d++)
        {
            trace.Add((int[])v.Clone());
            for (var k = -d; k <= d; k += 2)
            {
                var x = k == -d || (k != d && v[max + k - 1] < v[max + k + 1]) ? v[max + k + 1] : v[max + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && string.Equals(a[x], b[y], StringComparison.Ordinal))
                {
                    x++;
                    y++;
                }
                v[max + k] = x;
                if (x >= n && y >= m)
                    return Backtrack(trace, a, b, max, d);
            }
        }
        return [];
    }

    private static List<(char, int, int)> Backtrack(List<int[]> trace, string[] a, string[] b, int max, int depth)
    {
        var script = new List<(char, int, int)>();
        var x = a.Length;
        var y = b.Length;
        for (var d = depth; d > 0; d--)
        {
            var v = trace[d];
            var k = x - y;
            var prevK = k == -d || (k != d && v[max + k - 1] < v[max + k + 1]) ? k + 1 : k - 1;
            var prevX = v[max + prevK];
            var prevY = prevX - prevK;
            while (x > prevX && y > prevY)
                script.Add((' ', --x, --y));
            if (x == prevX)
                script.Add(('+', x, --y));
            else
                script.Add(('-', --x, y));
        }
        while (x > 0 && y > 0)
            script.Add((' ', --x, --y));
        script.Reverse();
        return script;
    }
}
