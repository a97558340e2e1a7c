using Ratchet.Sandbox;
using Ratchet.Sandbox.Staging;

namespace Ratchet.Tests.Sandbox.Staging;

public sealed class StagedPathRulesTests
{
    [Theory]
    [InlineData("main.py")]
    [InlineData("data/x.json")]
    [InlineData("a/b/c..d")]
    public void Problem_WhenThePathStaysInside_IsNull(string path) => Assert.Null(StagedPathRules.Problem(path));

    [Theory]
    [InlineData("/etc/passwd", "absolute")]
    [InlineData("../secret", "'..'")]
    [InlineData("data/../../x", "'..'")]
    [InlineData("a//b", "empty")]
    [InlineData("./a", "'.'")]
    [InlineData("", "empty")]
    public void Problem_WhenThePathCouldLeaveTheFolder_NamesWhy(string path, string reason) =>
        Assert.Contains(reason, StagedPathRules.Problem(path));

    [Fact]
    public void Validate_WhenSeveralFilesAreWrong_ReportsThemAllAtOnce()
    {
        var error = Assert.Throws<ArgumentException>(() => StagedPathRules.Validate(
        [
            StagedFile.FromText("/abs", "x"),
            StagedFile.FromText("ok.txt", "x"),
            StagedFile.FromText("ok.txt", "y"),
            new StagedFile("neither"),
        ]));

        Assert.Contains("'/abs' is absolute", error.Message);
        Assert.Contains("'ok.txt' is staged twice", error.Message);
        Assert.Contains("'neither' must have exactly one of HostPath and Content", error.Message);
    }
}
