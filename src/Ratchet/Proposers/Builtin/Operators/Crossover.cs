using System.Globalization;
using System.Text;
using Ratchet.Proposers.Builtin.Genome;
using Ratchet.Search;

namespace Ratchet.Proposers.Builtin.Operators;

/// <summary>Mixes the evolve regions of two elites: whole regions (region level), or the blocks of lines where the
/// two differ (line level). Text outside the regions is the parent's, so the child passes the region check.</summary>
internal static class Crossover
{
    public static Mutation? Apply(ProgramView parent, ProgramView mate, CrossoverSettings settings, SearchRandom random)
    {
        var changed = new Dictionary<string, string>(StringComparer.Ordinal);
        var taken = 0;
        foreach (var file in parent.Files)
        {
            var other = mate.Files.FirstOrDefault(f => f.Path == file.Path);
            if (other is null || other.Text == file.Text || file.Regions.HasMarkers != other.Regions.HasMarkers)
                continue;
            var mine = file.Regions.Inside;
            var theirs = other.Regions.Inside;
            if (mine.Count != theirs.Count)
                continue;
            var mixed = new string[mine.Count];
            var regionLevel = mine.Count > 1 && random.Chance(settings.RegionLevel);
            for (var r = 0; r < mine.Count; r++)
            {
                (mixed[r], var count) = regionLevel
                    ? random.Chance(0.5) ? (theirs[r], mine[r] == theirs[r] ? 0 : 1) : (mine[r], 0)
                    : MixLines(mine[r], theirs[r], settings.LineRate, random);
                taken += count;
            }
            var text = file.Regions.WithInside(mixed);
            if (text != file.Text)
                changed[file.Path] = text;
        }
        if (changed.Count == 0)
            return null;
        var meta = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["mate"] = mate.Id,
            ["blocks"] = taken.ToString(CultureInfo.InvariantCulture),
        };
        return new Mutation(MutationKind.Crossover, changed, $"crossover with {mate.Id[..12]}: {taken} block(s) taken", meta);
    }

    private static (string Text, int Taken) MixLines(string mine, string theirs, double rate, SearchRandom random)
    {
        if (mine == theirs)
            return (mine, 0);
        var a = LineDiff.SplitLines(mine);
        var b = LineDiff.SplitLines(theirs);
        if (LineDiff.Hunks(a, b) is not { } hunks)
            return (mine, 0);
        var text = new StringBuilder(mine.Length);
        var at = 0;
        var taken = 0;
        foreach (var hunk in hunks)
        {
            for (; at < hunk.AStart; at++)
                text.Append(a[at]);
            if (random.Chance(rate))
            {
                for (var j = hunk.BStart; j < hunk.BEnd; j++)
                    text.Append(b[j]);
                taken++;
            }
            else
            {
                for (var i = hunk.AStart; i < hunk.AEnd; i++)
                    text.Append(a[i]);
            }
            at = hunk.AEnd;
        }
        for (; at < a.Count; at++)
            text.Append(a[at]);
        return (text.ToString(), taken);
    }
}
