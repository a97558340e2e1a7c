using System.Globalization;
using Ratchet.Proposers.Builtin.Adaptation;
using Ratchet.Proposers.Builtin.Genome;
using Ratchet.Proposers.Builtin.Text;
using Ratchet.Search;

namespace Ratchet.Proposers.Builtin.Operators;

/// <summary>Moves one number literal (sometimes every literal on its line, as for a point's coordinates) by a normal
/// step of its own adapted size; integers stay integers (moving by at least one) unless the genome allows floats.</summary>
internal static class LiteralMutation
{
    public static Mutation? Apply(ProgramView program, StepSizeTable steps, LiteralSettings settings, SearchRandom random)
    {
        var sites = program.Files.SelectMany((f, i) => f.Literals.Select(s => (File: i, Site: s))).ToArray();
        if (sites.Length == 0)
            return null;
        var (fileIndex, chosen) = sites[random.Next(sites.Length)];
        var file = program.Files[fileIndex];
        var moved = random.Chance(settings.SameLine) ? SameLine(file, chosen) : [chosen];
        var rewrites = new List<(LiteralSite Site, string Text)>();
        foreach (var site in moved)
        {
            var integer = site.Literal.IsInteger && !settings.IntToFloat;
            var step = steps.StepFor(site.Key, site.Value) * Math.Exp(settings.StepSpread * random.NextGaussian());
            var value = site.Value + step * random.NextGaussian();
            if (integer && Math.Round(value) == site.Value)
                value = site.Value + (random.Chance(0.5) ? 1 : -1);
            var text = LiteralRewrite.Text(site, value, value - site.Value, settings.MaxDigits, integer);
            if (text is not null && text != file.Text[site.Start..site.End])
                rewrites.Add((site, text));
        }
        if (rewrites.Count == 0)
            return null;
        var changed = LiteralRewrite.Apply(file, rewrites);
        var (first, firstText) = rewrites[0];
        var old = file.Text[first.Start..first.End];
        var label = rewrites.Count == 1
            ? $"literal {first.Key}: {old} -> {firstText}"
            : $"literal {rewrites.Count} on the line of {first.Key}";
        return Mutation.Single(MutationKind.Literal, file.Path, changed, label,
            ("literal", first.Key), ("from", old), ("to", firstText), ("moved", rewrites.Count.ToString(CultureInfo.InvariantCulture)));
    }

    private static LiteralSite[] SameLine(SourceFile file, LiteralSite chosen)
    {
        var lineStart = file.Text.LastIndexOf('\n', Math.Max(0, chosen.Start - 1)) + 1;
        var lineEnd = file.Text.IndexOf('\n', chosen.End) is var end and >= 0 ? end : file.Text.Length;
        return [.. file.Literals.Where(s => s.Start >= lineStart && s.End <= lineEnd)];
    }
}
