using Ratchet.Evaluation;

namespace Ratchet.Tests.Evaluation;

public sealed class MetricsParserTests
{
    [Fact]
    public void Parse_LastLineObjectWithFiniteObjective_IsValid()
    {
        var result = MetricsParser.Parse("warming up\n{\"note\": 1}\n{\"mse\": 0.25, \"valid\": true}\n\n", "mse");
        Assert.True(result.IsValid);
        Assert.Equal(0.25, result.Objective);
    }

    [Theory]
    [InlineData("", "mse", "the scorer printed nothing; its last stdout line must be a JSON object such as {\"mse\": 1.5}")]
    [InlineData("{\"mse\": NaN}", "mse", "the scorer's last stdout line is not JSON (NaN and Infinity are not JSON numbers: the objective must be finite): \"{\"mse\": NaN}\"")]
    [InlineData("{\"mse\": Infinity}", "mse", "the scorer's last stdout line is not JSON (NaN and Infinity are not JSON numbers: the objective must be finite): \"{\"mse\": Infinity}\"")]
    [InlineData("score: 12", "mse", "the scorer's last stdout line is not JSON: \"score: 12\"")]
    [InlineData("[1, 2]", "mse", "the scorer's last stdout line is JSON but not an object: \"[1, 2]\"")]
    [InlineData("{\"loss\": 1}", "mse", "the objective 'mse' is missing from the scorer's JSON: \"{\"loss\": 1}\"")]
    [InlineData("{\"mse\": \"0.5\"}", "mse", "the objective 'mse' is not a number: \"\"0.5\"\"")]
    [InlineData("{\"mse\": \"NaN\"}", "mse", "the objective 'mse' is not finite (\"NaN\")")]
    [InlineData("{\"mse\": 1e999}", "mse", "the objective 'mse' is not finite (\"1e999\")")]
    [InlineData("{\"mse\": 1, \"valid\": false, \"reason\": \"overlap\"}", "mse", "the scorer marked the result invalid (\"valid\": false): \"overlap\"")]
    public void Parse_Invalid_GivesExactReason(string stdout, string metric, string expected)
    {
        var result = MetricsParser.Parse(stdout, metric);
        Assert.False(result.IsValid);
        Assert.Null(result.Objective);
        Assert.Equal(expected, result.Problem);
    }

    [Fact]
    public void Parse_HugeGarbage_IsQuotedTruncated()
    {
        var result = MetricsParser.Parse(new string('x', 10_000), "mse");
        Assert.False(result.IsValid);
        Assert.True(result.Problem!.Length < 260);
        Assert.EndsWith("…\"", result.Problem);
    }

    [Fact]
    public void Parse_SharedStdout_ObjectiveOnTwoLines_IsAmbiguous()
    {
        var parsed = MetricsParser.Parse("{\"score\": 0.6}\n{\"score\": 0.7}\n", "score", sharedStdout: true);

        Assert.False(parsed.IsValid);
        Assert.Contains("appears on 2 stdout lines", parsed.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SharedStdout_OneObjectiveLineAmongOthers_IsValid()
    {
        var parsed = MetricsParser.Parse("progress 50%\n{\"score\": 0.6}\n", "score", sharedStdout: true);

        Assert.Equal(0.6, parsed.Objective);
    }

    [Fact]
    public void Parse_TrustedScorer_LastOfTwoObjectiveLinesWins()
    {
        Assert.Equal(0.7, MetricsParser.Parse("{\"score\": 0.6}\n{\"score\": 0.7}\n", "score").Objective);
    }
}
