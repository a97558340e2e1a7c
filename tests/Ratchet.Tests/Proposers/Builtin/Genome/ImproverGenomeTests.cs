using Ratchet.Proposers.Builtin.Genome;
using Ratchet.Search;

namespace Ratchet.Tests.Proposers.Builtin.Genome;

public sealed class ImproverGenomeTests
{
    private static string RepoFile(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Ratchet.sln")))
            dir = dir.Parent;
        return Path.Combine(dir!.FullName, relative);
    }

    [Fact]
    public void Default_IsValidAndVersionZero()
    {
        Assert.Empty(ImproverGenome.Default.Validate());
        Assert.Equal(0, ImproverGenome.Default.Version);
    }

    [Fact]
    public void ShippedDefaultFile_IsTheDocumentedDefault() =>
        Assert.Equal(ImproverGenome.Default.ToDocumentedToml(), File.ReadAllText(RepoFile("examples/improvers/default.toml")));

    [Fact]
    public void ShippedDefaultFile_LoadsAsTheDefault()
    {
        var result = ImproverGenome.Load(RepoFile("examples/improvers/default.toml"));
        Assert.True(result.Ok, result.Describe());
        Assert.Equal(ImproverGenome.Default.Hash, result.Genome!.Hash);
    }

    [Fact]
    public void ToToml_RoundTrips()
    {
        var genome = ImproverGenome.Default with
        {
            Version = 3,
            Literal = ImproverGenome.Default.Literal with { InitialStep = 0.037, IntToFloat = true },
            Migration = ImproverGenome.Default.Migration with { Topology = MigrationTopology.Random },
            Archive = new ArchiveOptions { Islands = 3, Features = [new(FeatureKind.Length, "", 0.5, 1.5, 4), new(FeatureKind.Metric, "peak \"mb\"", 0, 512, 8)] },
        };
        var back = ImproverGenome.Parse(genome.ToToml());
        Assert.True(back.Ok, back.Describe());
        Assert.Equal(genome, back.Genome);
        Assert.Equal(genome.ToToml(), back.Genome!.ToToml());
    }

    [Fact]
    public void ToToml_EveryKeyIsWrittenAndDocumented()
    {
        var documented = ImproverGenome.Default.ToDocumentedToml();
        foreach (var key in GenomeSchema.Keys)
        {
            Assert.Contains($"\n{key.Name} = ", "\n" + ImproverGenome.Default.ToToml());
            Assert.Matches($@"# [^\n]*\(default [^\n]*\)\n{key.Name} = ", documented);
        }
    }

    [Fact]
    public void Hash_DependsOnContentOnly()
    {
        Assert.Equal(ImproverGenome.Default.Hash, new ImproverGenome().Hash);
        Assert.NotEqual(ImproverGenome.Default.Hash, (ImproverGenome.Default with { Attempts = 25 }).Hash);
        Assert.Matches("^[0-9a-f]{64}$", ImproverGenome.Default.Hash);
    }

    [Fact]
    public void Validate_ReportsEveryBrokenBoundTogether()
    {
        var genome = ImproverGenome.Default with
        {
            Attempts = 0,
            Bandit = ImproverGenome.Default.Bandit with { Discount = 1.5 },
            Literal = ImproverGenome.Default.Literal with { MinStep = 0.5, MaxStep = 0.1 },
            Selection = new SelectionOptions { Exploit = 0, Explore = 0, Random = 0 },
        };
        var keys = genome.Validate().Select(e => e.Key).ToArray();
        Assert.Equal(["attempts", "bandit.discount", "literal.min_step", "selection"], keys);
    }

    [Fact]
    public void Validate_NonFiniteNumbers_AreOutOfRange() =>
        Assert.Contains((ImproverGenome.Default with { Cma = ImproverGenome.Default.Cma with { InitialStep = double.NaN } }).Validate(),
            e => e.Key == "cma.initial_step");

    [Fact]
    public void Load_MissingFile_IsAnErrorNotTheDefault()
    {
        var result = ImproverGenome.Load("/nonexistent/genome.toml");
        Assert.False(result.Ok);
        Assert.Contains("does not exist", result.Describe());
    }
}
