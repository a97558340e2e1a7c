using Ratchet.Oversight;

namespace Ratchet.Tests.Oversight.Rules;

public sealed class LineDiffTests
{
    [Fact]
    public void Compute_WhenALineIsInsertedInTheMiddle_MarksOnlyThatLine()
    {
        var diff = LineDiff.Compute("a\nb\nc\n", "a\nb\nX\nc\n");

        Assert.Equal([3], diff.Added);
        Assert.Equal(0, diff.Removed);
    }

    [Fact]
    public void Compute_WhenLinesChangeAndMove_CountsAddedAndRemoved()
    {
        var diff = LineDiff.Compute("a\nb\nc\nd\n", "b\na\nc\nD\n");

        Assert.Equal(2, diff.Added.Count);
        Assert.Equal(2, diff.Removed);
        Assert.Contains(4, diff.Added);
    }

    [Fact]
    public void Compute_WhenThereIsNoParent_MarksEveryLine()
    {
        Assert.Equal([1, 2, 3], LineDiff.Compute(null, "x\ny\nz").Added.Order());
    }

    [Fact]
    public void Compute_WhenTheTextsAreEqual_MarksNothing()
    {
        Assert.Equal(0, LineDiff.Compute("a\r\nb\n", "a\nb\n").ChangedLines);
    }

    [Fact]
    public void Compute_WhenTheEditIsHuge_TreatsTheDifferingMiddleAsChanged()
    {
        var parent = string.Join('\n', Enumerable.Range(0, 3000).Select(i => $"p{i}"));
        var candidate = string.Join('\n', Enumerable.Range(0, 3000).Select(i => $"c{i}"));

        Assert.Equal(3000, LineDiff.Compute(parent, candidate).Added.Count);
    }
}
