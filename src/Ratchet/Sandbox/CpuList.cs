using System.Globalization;

namespace Ratchet.Sandbox;

/// <summary>CPU lists in the kernel's notation (<c>1</c>, <c>0,2-3</c>), as <c>--cpus</c> takes them and
/// <c>/proc/self/status</c> writes them.</summary>
public static class CpuList
{
    /// <summary>The CPUs this process may run on, in order.</summary>
    public static IReadOnlyList<int> Allowed() => Native.CpuAffinity.Allowed();

    /// <summary>The CPUs <paramref name="text"/> names, sorted and without repeats; null with
    /// <paramref name="error"/> set when it is not a CPU list.</summary>
    public static IReadOnlyList<int>? Parse(string text, out string? error)
    {
        error = null;
        var cpus = new SortedSet<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var bounds = part.Split('-');
            if (bounds.Length > 2 || !bounds.All(IsCpu))
            {
                error = $"'{part}' is not a CPU number or range; write CPUs as in 1 or 0,2-3";
                return null;
            }
            var first = int.Parse(bounds[0], CultureInfo.InvariantCulture);
            var last = int.Parse(bounds[^1], CultureInfo.InvariantCulture);
            if (last < first)
            {
                error = $"the range '{part}' runs backwards; write it as {last}-{first}";
                return null;
            }
            for (var cpu = first; cpu <= last; cpu++)
                cpus.Add(cpu);
        }
        return cpus.ToArray();
    }

    /// <summary>Gives each of <paramref name="workers"/> workers its own run of <paramref name="cpus"/> (the first
    /// workers the shorter runs when they do not divide evenly), in order; null when there is nothing to split: one
    /// worker (its sandboxes may use every CPU) or fewer CPUs than workers (two workers on one CPU would only queue
    /// behind each other, so the scheduler places them).</summary>
    public static IReadOnlyList<IReadOnlyList<int>>? PerWorker(IReadOnlyList<int> cpus, int workers)
    {
        if (workers < 2 || cpus.Count < workers)
            return null;
        var shares = new IReadOnlyList<int>[workers];
        for (var worker = 0; worker < workers; worker++)
            shares[worker] = cpus.Take(cpus.Count * (worker + 1) / workers).Skip(cpus.Count * worker / workers).ToArray();
        return shares;
    }

    /// <summary>The kernel's notation for <paramref name="cpus"/>: runs of three or more as ranges.</summary>
    public static string Format(IEnumerable<int> cpus)
    {
        var sorted = cpus.Distinct().Order().ToArray();
        var parts = new List<string>();
        for (var i = 0; i < sorted.Length;)
        {
            var j = i;
            while (j + 1 < sorted.Length && sorted[j + 1] == sorted[j] + 1)
                j++;
            parts.Add(j - i >= 2 ? $"{sorted[i]}-{sorted[j]}" : string.Join(",", sorted[i..(j + 1)]));
            i = j + 1;
        }
        return string.Join(",", parts);
    }

    private static bool IsCpu(string text) =>
        text.Length is > 0 and <= 4 && text.All(char.IsAsciiDigit);
}
