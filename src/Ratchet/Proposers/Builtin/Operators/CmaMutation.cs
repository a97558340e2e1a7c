using System.Globalization;
using Ratchet.Proposers.Builtin.Adaptation;
using Ratchet.Proposers.Builtin.Genome;
using Ratchet.Proposers.Builtin.Text;
using Ratchet.Search;

namespace Ratchet.Proposers.Builtin.Operators;

/// <summary>Moves every float literal at once: a sample around the mean program's literal vector from the CMA state.</summary>
internal static class CmaMutation
{
    public static bool Applies(ProgramView program, CmaSettings settings) =>
        program.FloatSites.Count >= Math.Max(1, settings.MinDimensions) && program.FloatSites.Count <= settings.MaxDimensions;

    public static Mutation? Apply(ProgramView mean, CmaState state, LiteralSettings literal, SearchRandom random)
    {
        var x = state.Sample(mean.FloatValues(), random);
        var rewrites = new List<(int File, LiteralSite Site, string Text)>();
        for (var i = 0; i < x.Length; i++)
        {
            var (file, site) = mean.FloatSites[i];
            var text = LiteralRewrite.Text(site, x[i], state.StepOf(i), literal.MaxDigits, integer: false);
            if (text is not null && text != mean.Files[file].Text[site.Start..site.End])
                rewrites.Add((file, site, text));
        }
        if (rewrites.Count == 0)
            return null;
        var changed = rewrites.GroupBy(r => r.File).ToDictionary(
            g => mean.Files[g.Key].Path,
            g => LiteralRewrite.Apply(mean.Files[g.Key], g.Select(r => (r.Site, r.Text))),
            StringComparer.Ordinal);
        var meta = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["moved"] = rewrites.Count.ToString(CultureInfo.InvariantCulture),
            ["dimensions"] = x.Length.ToString(CultureInfo.InvariantCulture),
            ["sigma"] = state.Sigma.ToString("G4", CultureInfo.InvariantCulture),
        };
        return new Mutation(MutationKind.Cma, changed, $"cma: {rewrites.Count} of {x.Length} literals moved (sigma {meta["sigma"]})", meta);
    }
}
