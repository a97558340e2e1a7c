using Ratchet.IntegrationTests.Support;

namespace Ratchet.IntegrationTests.Cli;

/// <summary>Command-line mistakes: exit code 2 (docs/cli.md), one plain error line naming the fix, no stack trace and
/// no help page in place of the error.</summary>
public sealed class UsageCliTests
{
    [Theory]
    [InlineData("run|TASK|--worker|2", "unknown option '--worker'; did you mean '--workers'?")]
    [InlineData("run|TASK|--workers|abc", "--workers expects a whole number, not 'abc'.")]
    [InlineData("run|TASK|--seed|-1", "--seed expects a whole number, 0 or more, not '-1'.")]
    [InlineData("approve|TASK|zzzz", "<id> expects a whole number, not 'zzzz'.")]
    [InlineData("statsu|TASK|--json", "unknown command 'statsu'; did you mean 'status'?")]
    [InlineData("audit|verfy|TASK", "unknown command 'verfy'; did you mean 'verify'?")]
    [InlineData("audit", "this needs a command: verify.")]
    [InlineData("show|TASK", "Required argument 'id' missing")]
    public async Task Mistakes_ExitTwoWithOneErrorLineAndTheUsage(string line, string expected)
    {
        using var task = PythonTask.Create();
        var args = line.Split('|').Select(a => a == "TASK" ? task.Dir : a).ToArray();

        var result = await task.Ratchet.RunAsync(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("error: " + expected, lines[0], StringComparison.Ordinal);
        Assert.Single(lines, l => l.StartsWith("error: ", StringComparison.Ordinal));
        Assert.StartsWith("usage: ratchet ", lines[^1], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
        Assert.False(Directory.Exists(task.State));
    }

    [Fact]
    public async Task NoVerb_PrintsTheVerbs_AndExitsTwo_WhileHelpExitsZero()
    {
        using var task = PythonTask.Create();

        var bare = await task.Ratchet.RunAsync();
        var help = await task.Ratchet.RunAsync("run", "--help");

        Assert.Equal(2, bare.ExitCode);
        Assert.Contains("run <task>", bare.Stdout, StringComparison.Ordinal);
        Assert.Contains("redteam", bare.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("--evaluations", help.Stdout, StringComparison.Ordinal);
    }
}
