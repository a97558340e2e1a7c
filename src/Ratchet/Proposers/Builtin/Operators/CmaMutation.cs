using System.Globalization;
using Ratchet.Proposers.Builtin.Adaptation;
using Ratchet.Proposers.Builtin.Genome;
using Ratchet.Proposers.Builtin.Text;
using Ratchet.Search;

namespace Ratchet.Proposers.Builtin.Operators;

/// <summary>Moves every float literal (and, with <see cref="CmaSettings.Integers"/>, every integer literal, rounded) at
/// once: a sample around the mean program's literal vector from the CMA state.</summary>
internal static class CmaMutation
{
    /// <summary>The literals the joint move works on: the floats, or every number literal.</summary>
    public static IReadOnlyList<(int File, LiteralSite Site)> Sites(ProgramView program, CmaSettings settings) =>
        settings.Integers ? program.NumberSites : program.FloatSites;

    /// <summary>The keys of <see cref="Sites"/>, joined: equal layouts share a CMA state.</summary>
    public static string Layout(ProgramView program, CmaSettings settings) =>
        settings.Integers ? program.NumberLayout : program.FloatLayout;

    public static double[] Values(ProgramView program, CmaSettings settings) => [.. Sites(program, settings).Select(s => s.Site.Value)];

    public static bool Applies(ProgramView program, CmaSettings settings) =>
        Sites(program, settings).Count is var n && n >= Math.Max(1, settings.MinDimensions) && n <= settings.MaxDimensions;

    public static Mutation? Apply(ProgramView mean, CmaState state, CmaSettings settings, LiteralSettings literal, SearchRandom random)
    {
        var sites = Sites(mean, settings);
        var x = state.Sample(Values(mean, settings), random);
        var rewrites = new List<(int File, LiteralSite Site, string Text)>();
        for (var i = 0; i < x.Length; i++)
        {
            var (file, site) = sites[i];
            var text = LiteralRewrite.Text(site, x[i], state.StepOf(i), literal.MaxDigits, integer: site.Literal.IsInteger);
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
