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

    [Fact]
    public void Alone_IsReadAsAFlag_AndAnythingButABooleanIsAnError()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(Path.Combine(dir.Path, "targets", "t"));
        File.WriteAllText(Path.Combine(dir.Path, "targets", "t", "ratchet.toml"), "");
        Directory.CreateDirectory(Path.Combine(dir.Path, "benign"));
        const string Case = """
            [[benign]]
            name = "NAME"
            target = "t"
            what = "w"
            ALONE
            [[benign.proposal]]
            label = "p"
            files = { "program.py" = "print(1)" }

            """;
        File.WriteAllText(Path.Combine(dir.Path, "benign", "b.toml"),
            Case.Replace("NAME", "timed").Replace("ALONE", "alone = true") + Case.Replace("NAME", "plain").Replace("ALONE", ""));

        var catalog = RedTeamCatalog.FromFolder(dir.Path);

        Assert.True(catalog.Benign.Single(c => c.Name == "timed").Alone);
        Assert.False(catalog.Benign.Single(c => c.Name == "plain").Alone);
        File.WriteAllText(Path.Combine(dir.Path, "benign", "b.toml"), Case.Replace("NAME", "timed").Replace("ALONE", "alone = \"yes\""));
        var e = Assert.Throws<CatalogException>(() => RedTeamCatalog.FromFolder(dir.Path));
        Assert.Contains("benign/b.toml:5:9: 'alone' must be true or false", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Embedded_SpeedBenignCases_RunAlone()
    {
        var speed = RedTeamCatalog.Embedded().Benign.Where(c => c.Target == "speed").ToArray();

        Assert.NotEmpty(speed);
        Assert.All(speed, c => Assert.True(c.Alone, $"{c.Name} is measured in CPU time and must run alone"));
    }
}
