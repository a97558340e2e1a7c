using Ratchet.Proposers.Builtin.Genome;
using Ratchet.Search;

namespace Ratchet.Tests.Proposers.Builtin.Genome;

public sealed class GenomeTomlReaderTests
{
    [Fact]
    public void Parse_PartialFile_TakesDefaultsForTheRest()
    {
        var result = ImproverGenome.Parse("version = 2\n[literal]\ninitial_step = 0.2\n");
        Assert.True(result.Ok, result.Describe());
        Assert.Equal(ImproverGenome.Default with { Version = 2, Literal = ImproverGenome.Default.Literal with { InitialStep = 0.2 } }, result.Genome);
    }

    [Fact]
    public void Parse_UnknownKey_NamesTheNearestValidKeyAndLine()
    {
        var result = ImproverGenome.Parse("[literal]\ninitial_stp = 0.2\n");
        var error = Assert.Single(result.Errors);
        Assert.Equal(2, error.Line);
        Assert.Contains("did you mean 'literal.initial_step'", error.Message);
    }

    [Fact]
    public void Parse_UnknownTable_NamesTheNearestTable()
    {
        var error = Assert.Single(ImproverGenome.Parse("[bandits]\ndiscount = 0.9\n").Errors);
        Assert.Contains("did you mean [bandit]", error.Message);
    }

    [Fact]
    public void Parse_PolicyOrBudgetKeys_AreUnknown()
    {
        var result = ImproverGenome.Parse("[budget]\nevaluations = 1000000\n[limits]\nwall_seconds = 999\n");
        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Contains("unknown table", e.Message));
    }

    [Fact]
    public void Parse_ManyProblems_AreAllReportedWithLines()
    {
        const string toml = """
            attempts = 0
            [bandit]
            discount = "high"
            epsilon = 2.0
            [literal]
            max_digits = 3.5
            typo = 1
            [migration]
            topology = "rung"
            """;
        var result = ImproverGenome.Parse(toml);
        Assert.False(result.Ok);
        Assert.Equal([1, 3, 4, 6, 7, 9], result.Errors.Select(e => e.Line ?? 0));
        var text = result.Describe();
        Assert.Contains("has 6 problem(s)", text);
        Assert.Contains("expected a number (e.g. discount = 0.99), found the string \"high\"", text);
        Assert.Contains("expected a whole number", text);
        Assert.Contains("did you mean \"ring\"", text);
        Assert.Contains("2.0 is out of range; expected a number from 0.0 to 1.0", text);
    }

    [Fact]
    public void Parse_DuplicateKey_IsAnError() =>
        Assert.False(ImproverGenome.Parse("[cma]\ninitial_step = 0.1\n[cma]\ninitial_step = 0.2\n").Ok);

    [Fact]
    public void Parse_InvalidToml_ReportsTheLine()
    {
        var result = ImproverGenome.Parse("version = 0\n[literal\n");
        Assert.False(result.Ok);
        Assert.Equal(2, result.Errors[0].Line);
    }

    [Fact]
    public void Parse_Features_ReplaceTheDefaultList()
    {
        const string toml = """
            [[archive.features]]
            kind = "metric"
            metric = "peak_mb"
            min = 0
            max = 256
            bins = 4
            """;
        var result = ImproverGenome.Parse(toml);
        Assert.True(result.Ok, result.Describe());
        Assert.Equal([new FeatureDimension(FeatureKind.Metric, "peak_mb", 0, 256, 4)], result.Genome!.Archive.Features);
    }

    [Fact]
    public void Parse_BrokenFeature_ReportsEachProblem()
    {
        const string toml = """
            [[archive.features]]
            kind = "metric"
            min = 5
            max = 1
            bins = 0
            colour = "red"
            """;
        var errors = ImproverGenome.Parse(toml).Errors;
        var messages = errors.Select(e => e.Message).ToArray();
        Assert.Contains(errors, e => e.Key == "archive.features[0].colour" && e.Message.StartsWith("unknown key; did you mean", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("needs the scorer's JSON key", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("must be below max", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("bins = 0 is out of range", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_TooManyCells_IsAnError()
    {
        var feature = "[[archive.features]]\nkind = \"length\"\nmin = 0\nmax = 1\nbins = 1000\n";
        Assert.Contains(ImproverGenome.Parse(feature + feature).Errors, e => e.Message.Contains("cells per island", StringComparison.Ordinal));
    }
}
