using Ratchet.Common;

namespace Ratchet.Tests.Common;

public sealed class RelativePathTests
{
    [Theory]
    [InlineData("program.py")]
    [InlineData("data/x.json")]
    [InlineData(".hidden/file")]
    [InlineData("a..b/c")]
    public void Problem_GivenCanonicalRelativePath_IsNull(string path)
    {
        Assert.Null(RelativePath.Problem(path));
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("/etc/passwd", "is an absolute path")]
    [InlineData("~/x", "is an absolute path")]
    [InlineData("../x", "leaves the task folder ('..')")]
    [InlineData("a/../../x", "leaves the task folder ('..')")]
    [InlineData("a\\b", "contains '\\'; use '/' to separate folders")]
    [InlineData("a//b", "is not written canonically; write it as 'a/b'")]
    [InlineData("./a", "is not written canonically; write it as 'a'")]
    [InlineData("a/", "is not written canonically; write it as 'a'")]
    [InlineData("a\nb", "contains a control character")]
    public void Problem_GivenBadPath_SaysWhy(string path, string expected)
    {
        Assert.Equal(expected, RelativePath.Problem(path));
    }

    [Theory]
    [InlineData("./a/b/../c", "a/c")]
    [InlineData("a/../../b", "../b")]
    [InlineData("/x/./y/..", "/x")]
    [InlineData("a\\b", "a/b")]
    public void Normalize_CollapsesLexically(string path, string expected)
    {
        Assert.Equal(expected, RelativePath.Normalize(path));
    }

    [Theory]
    [InlineData(".ratchet", ".ratchet", true)]
    [InlineData(".ratchet/x", ".ratchet", true)]
    [InlineData(".ratchetx", ".ratchet", false)]
    public void IsUnder_MatchesWholeSegments(string path, string folder, bool expected)
    {
        Assert.Equal(expected, RelativePath.IsUnder(path, folder));
    }
}
