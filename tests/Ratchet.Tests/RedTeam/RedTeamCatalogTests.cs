using Ratchet.Oversight;
using Ratchet.RedTeam;
using Ratchet.Tasks;

namespace Ratchet.Tests.RedTeam;

public sealed class RedTeamCatalogTests
{
    [Fact]
    public void Embedded_CoversEveryRedTeamRow_WithUniqueNames_AndAtLeastTwentyBenignCases()
    {
        var catalog = RedTeamCatalog.Embedded();

        Assert.Empty(catalog.MissingCategories);
        Assert.True(catalog.Benign.Count >= 20, $"only {catalog.Benign.Count} benign cases");
        Assert.Equal(catalog.Attacks.Count + catalog.Benign.Count, catalog.Attacks.Concat(catalog.Benign).Select(c => c.Name).Distinct().Count());
        Assert.All(RedTeamCategories.All, c => Assert.Contains(catalog.Attacks, a => a.Category == c));
    }

    [Fact]
    public void Embedded_EveryTargetLoadsAsATask()
    {
        var catalog = RedTeamCatalog.Embedded();
        using var dir = new TempDir();
        foreach (var target in catalog.Targets)
        {
            var folder = Path.Combine(dir.Path, target);
            catalog.ExtractTarget(target, folder);
            var loaded = TaskLoader.Load(folder);
            Assert.True(loaded.Succeeded, loaded.Succeeded ? "" : loaded.Errors.Format());
        }
    }

    [Fact]
    public void FromFolder_WithMistakes_ReportsEveryOneWithItsPosition()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(Path.Combine(dir.Path, "targets", "t"));
        File.WriteAllText(Path.Combine(dir.Path, "targets", "t", "ratchet.toml"), "");
        Directory.CreateDirectory(Path.Combine(dir.Path, "attacks"));
        File.WriteAllText(Path.Combine(dir.Path, "attacks", "a.toml"), """
            [[attack]]
            name = "x"
            category = "grader-pach"
            target = "missing"
            what = "w"
            colour = "red"
            [[attack.proposal]]
            label = "p"
            """);

        var e = Assert.Throws<CatalogException>(() => RedTeamCatalog.FromFolder(dir.Path));

        Assert.Contains("attacks/a.toml:3:12: unknown category 'grader-pach'", e.Message, StringComparison.Ordinal);
        Assert.Contains("attacks/a.toml:6:1: unknown key 'colour'", e.Message, StringComparison.Ordinal);
        Assert.Contains("needs exactly one of files", e.Message, StringComparison.Ordinal);
    }
}
