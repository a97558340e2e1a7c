using Ratchet.Common;

namespace Ratchet.Tests.Common;

public sealed class TextDiffTests
{
    private static Dictionary<string, string> Files(string text) => new() { ["p.py"] = text };

    [Fact]
    public void Unified_IdenticalFiles_IsEmpty()
    {
        Assert.Equal("", TextDiff.Unified(Files("a\nb\n"), Files("a\nb\n")));
    }

    [Fact]
    public void Unified_OneChangedLine_GivesOneHunkWithContext()
    {
        var before = string.Join("\n", Enumerable.Range(1, 10).Select(i => $"line {i}")) + "\n";
        var after = before.Replace("line 5\n", "line five\n");
        var diff = TextDiff.Unified(Files(before), Files(after));
        Assert.Equal("""
            --- a/p.py
            +++ b/p.py
            @@ -2,7 +2,7 @@
             line 2
             line 3
             line 4
            -line 5
            +line five
             line 6
             line 7
             line 8

            """.Replace("\r", ""), diff);
    }

    [Fact]
    public void Unified_AddedAndRemovedFiles_UseDevNull()
    {
        var diff = TextDiff.Unified(new Dictionary<string, string> { ["old.py"] = "x\n" }, new Dictionary<string, string> { ["new.py"] = "y\n" });
        Assert.Contains("--- /dev/null\n+++ b/new.py\n@@ -0,0 +1 @@\n+y\n", diff);
        Assert.Contains("--- a/old.py\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n", diff);
    }

    [Fact]
    public void Count_CountsAddedAndRemovedLines()
    {
        Assert.Equal((2, 1), TextDiff.Count("a\nb\nc\n", "a\nB\nc\nd\n"));
    }
}
