using Ratchet.Tasks;

namespace Ratchet.Tests.Tasks;

public sealed class UnifiedDiffTests
{
    public static TheoryData<string, string> Edits => new()
    {
        { "a\nb\nc\n", "a\nB\nc\n" },
        { "a\nb\nc\n", "start\na\nb\nc\nend\n" },
        { "a\nb\nc", "a\nb\nc\n" },
        { "a\nb\nc\n", "a\nb\nc" },
        { "a\nb\nc", "a\nb" },
        { "a\nb\nc", "a\nb\nC" },
        { "", "new\ncontent\n" },
        { "old\ncontent\n", "" },
        { "x\r\ny\r\n", "x\r\nY\r\n" },
        { "a\n\nb\n\nc\n", "a\n\nb\n\n\nc\n" },
        { "-- sql comment\n--- dashes\n+++ plus\n", "--- dashes\n+++ plus\n-- moved\n" },
        { string.Join("\n", Enumerable.Range(1, 60)) + "\n", string.Join("\n", Enumerable.Range(1, 60).Select(i => i is 5 or 30 or 58 ? $"changed {i}" : $"{i}")) + "\n" },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public void Apply_GivenDiffFromDiffU_ReproducesTheNewText(string before, string after)
    {
        var parent = Snapshot(before);

        var result = UnifiedDiff.Apply(parent, DiffTool.Unified("program.py", before, after));

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(after, result.Applied.Files["program.py"]);
        Assert.Empty(result.Applied.Created);
        Assert.Empty(result.Applied.Deleted);
    }

    [Fact]
    public void Apply_GivenRandomEditsWithVaryingContext_RoundTrips()
    {
        var random = new Random(1234);
        var lines = Enumerable.Range(0, 120).Select(i => $"line {i} = {random.Next(1000)}").ToList();
        var before = string.Join("\n", lines) + "\n";
        for (var round = 0; round < 40; round++)
        {
            var edited = new List<string>(lines);
            for (var e = random.Next(1, 6); e > 0; e--)
            {
                var at = random.Next(edited.Count);
                switch (random.Next(3))
                {
                    case 0: edited[at] = $"edited {round} {e}"; break;
                    case 1: edited.RemoveAt(at); break;
                    default: edited.Insert(at, $"inserted {round} {e}"); break;
                }
            }
            var after = string.Join("\n", edited) + (random.Next(4) == 0 ? "" : "\n");

            var result = UnifiedDiff.Apply(Snapshot(before), DiffTool.Unified("program.py", before, after, context: random.Next(0, 4)));

            Assert.True(result.Succeeded, $"round {round}: {result.Error?.Message}");
            Assert.Equal(after, result.Applied.Files["program.py"]);
        }
    }

    [Fact]
    public void Apply_WhenContextDoesNotMatch_ReportsTheFileLine()
    {
        var patch = DiffTool.Unified("program.py", "a\nb\nc\nd\n", "a\nb\nC\nd\n");

        var result = UnifiedDiff.Apply(Snapshot("a\nX\nc\nd\n"), patch);

        Assert.False(result.Succeeded);
        Assert.Equal(PatchErrorKind.ContextMismatch, result.Error.Kind);
        Assert.Equal(2, result.Error.FileLine);
        Assert.Equal("program.py", result.Error.Path);
        Assert.Equal("hunk 1 of 'program.py' (patch line 3) does not apply: line 2 is 'X', the patch expects 'b'", result.Error.Message);
    }

    [Fact]
    public void Apply_WhenFileLacksTheFinalNewlineThePatchExpects_ReportsIt()
    {
        var patch = DiffTool.Unified("program.py", "a\nb\n", "a\nB\n");

        var result = UnifiedDiff.Apply(Snapshot("a\nb"), patch);

        Assert.Equal("hunk 1 of 'program.py' (patch line 3) does not apply: line 2 has no newline at the end of the file, the patch expects one", result.Error!.Message);
    }

    [Fact]
    public void Apply_WhenHunkIsOffsetByInsertedLines_StillAppliesAtTheRightPlace()
    {
        var patch = DiffTool.Unified("program.py", "a\nb\nc\nd\ne\nf\ng\nh\n", "a\nb\nc\nd\nE\nf\ng\nh\n", context: 1);

        var result = UnifiedDiff.Apply(Snapshot("new1\nnew2\na\nb\nc\nd\ne\nf\ng\nh\n"), patch);

        Assert.Equal("new1\nnew2\na\nb\nc\nd\nE\nf\ng\nh\n", result.Applied!.Files["program.py"]);
    }

    [Fact]
    public void Apply_GivenPathsWithoutPrefixesAndGitPreamble_Applies()
    {
        const string patch = """
            diff --git a/program.py b/program.py
            index 83db48f..bf269f4 100644
            --- program.py	2024-01-01 00:00:00.000000000 +0000
            +++ program.py	2024-01-02 00:00:00.000000000 +0000
            @@ -1,2 +1,2 @@
             x = 1
            -y = 2
            +y = 3

            """;

        var result = UnifiedDiff.Apply(Snapshot("x = 1\ny = 2\n"), patch);

        Assert.Equal("x = 1\ny = 3\n", result.Applied!.Files["program.py"]);
    }

    [Fact]
    public void Apply_GivenNoNewlineMarkers_KeepsTheFileWithoutFinalNewline()
    {
        const string patch = "--- a/program.py\n+++ b/program.py\n@@ -1,2 +1,2 @@\n x\n-y\n\\ No newline at end of file\n+z\n\\ No newline at end of file\n";

        var result = UnifiedDiff.Apply(Snapshot("x\ny"), patch);

        Assert.Equal("x\nz", result.Applied!.Files["program.py"]);
    }

    [Fact]
    public void Apply_GivenCreationAndDeletion_ReportsThemForProposalCheck()
    {
        const string patch = """
            --- /dev/null
            +++ b/helper.py
            @@ -0,0 +1,2 @@
            +def f():
            +    return 1
            --- a/score.py
            +++ /dev/null
            @@ -1 +0,0 @@
            -print(1)

            """;

        var result = UnifiedDiff.Apply(Snapshot("x\n"), patch);

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(["helper.py"], result.Applied.Created);
        Assert.Equal("def f():\n    return 1\n", result.Applied.Files["helper.py"]);
        Assert.Equal(["score.py"], result.Applied.Deleted);
    }

    [Fact]
    public void Apply_GivenProgramFileDeletion_ChecksItRemovesEverything()
    {
        const string patch = "--- a/program.py\n+++ /dev/null\n@@ -1,2 +0,0 @@\n-x\n-y\n";

        var result = UnifiedDiff.Apply(Snapshot("x\ny\n"), patch);

        Assert.Equal(["program.py"], result.Applied!.Deleted);
        Assert.False(UnifiedDiff.Apply(Snapshot("x\ny\nz\n"), patch).Succeeded);
    }

    [Theory]
    [InlineData("--- a/score.py\n+++ b/score.py\n@@ -1 +1 @@\n-a\n+b\n", PatchErrorKind.NotAProgramFile, "patch line 1: the patch changes 'score.py', which is not a [program] file (program.py)")]
    [InlineData("--- a/program.py\n+++ b/program.py\n@@ -1,3 +1,3 @@\n x\n-y\n+z\n", PatchErrorKind.Malformed, "patch line 6: the hunk at patch line 3 ends early: its header promises 3 old and 3 new lines")]
    [InlineData("--- a/program.py\n+++ b/program.py\n@@ -1,1 +1,1 @@\n-x\n+z\n+extra\n", PatchErrorKind.Malformed, "patch line 6: the hunk at patch line 3 has more lines than its header says")]
    [InlineData("--- a/program.py\n+++ b/program.py\n@@ one @@\n-x\n", PatchErrorKind.Malformed, "patch line 3: malformed hunk header '@@ one @@'; expected e.g. '@@ -3,2 +3,4 @@'")]
    [InlineData("--- a/program.py\n+++ b/program.py\n@@ -1 +1 @@\n*x\n", PatchErrorKind.Malformed, "patch line 4: a hunk line must start with ' ', '+', '-' or '\\'; found '*x'")]
    [InlineData("@@ -1 +1 @@\n-x\n+y\n", PatchErrorKind.Malformed, "patch line 1: a '@@' hunk before any '--- '/'+++ ' file header")]
    [InlineData("just some words\n", PatchErrorKind.Malformed, "the patch changes no file: expected '--- a/program.py' and '+++ b/program.py' lines followed by '@@' hunks")]
    [InlineData("--- a/program.py\n+++ b/renamed.py\n@@ -1 +1 @@\n-x\n+y\n", PatchErrorKind.Malformed, "patch line 1: '---' names 'program.py' but '+++' names 'renamed.py'; renames are not supported")]
    [InlineData("--- /dev/null\n+++ b/program.py\n@@ -0,0 +1 @@\n+y\n", PatchErrorKind.Conflict, "patch line 1: the patch creates 'program.py' (--- /dev/null), which already exists")]
    [InlineData("--- a/program.py\n+++ b/program.py\n@@ -1 +1 @@\n-x\n+y\n--- a/program.py\n+++ b/program.py\n@@ -1 +1 @@\n-x\n+y\n", PatchErrorKind.Conflict, "patch line 6: 'program.py' is changed twice (also at patch line 1); put all its hunks under one header")]
    public void Apply_GivenBadPatch_ReturnsTypedError(string patch, PatchErrorKind kind, string message)
    {
        var result = UnifiedDiff.Apply(Snapshot("x\n"), patch);

        Assert.False(result.Succeeded);
        Assert.Equal(kind, result.Error.Kind);
        Assert.Equal(message, result.Error.Message);
    }

    private static ProgramSnapshot Snapshot(string text) => new([KeyValuePair.Create("program.py", text)]);
}
