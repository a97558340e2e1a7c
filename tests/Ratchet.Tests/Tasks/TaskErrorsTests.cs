using Ratchet.Tasks;

namespace Ratchet.Tests.Tasks;

public sealed class TaskErrorsTests
{
    [Fact]
    public void Format_GivenErrorsOutOfOrder_PrintsHeadingThenOneSortedLineEach()
    {
        var errors = new TaskErrors("examples/poly",
        [
            new TaskError("program.py", 3, 1, "c"),
            new TaskError("ratchet.toml", null, null, "b"),
            new TaskError("ratchet.toml", 7, 2, "a2"),
            new TaskError("ratchet.toml", 7, 1, "a1"),
        ]);

        Assert.Equal(
            """
            task 'examples/poly' has 4 errors:
              ratchet.toml:7:1: a1
              ratchet.toml:7:2: a2
              ratchet.toml: b
              program.py:3:1: c
            """.ReplaceLineEndings(),
            errors.Format());
    }

    [Fact]
    public void Heading_GivenOneError_IsSingular()
    {
        var errors = new TaskErrors("t", [new TaskError("ratchet.toml", 1, 1, "x")]);

        Assert.Equal("task 't' has 1 error:", errors.Heading);
    }

    [Fact]
    public void Constructor_GivenTheSameErrorTwice_KeepsOne()
    {
        var error = new TaskError("ratchet.toml", 1, 1, "x");

        Assert.Single(new TaskErrors("t", [error, error]));
    }

    [Fact]
    public void ToString_WithLineButNoColumn_PrintsTheLine()
    {
        Assert.Equal("program.py:4: x", new TaskError("program.py", 4, null, "x").ToString());
    }
}
