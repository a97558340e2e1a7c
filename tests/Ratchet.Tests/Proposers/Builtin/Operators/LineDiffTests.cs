using Ratchet.Proposers.Builtin.Operators;

namespace Ratchet.Tests.Proposers.Builtin.Operators;

public sealed class LineDiffTests
{
    [Fact]
    public void Hunks_FindTheChangedBlocks()
    {
        string[] a = ["1\n", "2\n", "3\n", "4\n"];
        string[] b = ["1\n", "x\n", "3\n", "4\n", "5\n"];
        Assert.Equal([new Hunk(1, 2, 1, 2), new Hunk(4, 4, 4, 5)], LineDiff.Hunks(a, b));
    }

    [Fact]
    public void Hunks_WhenEqual_AreEmpty() => Assert.Empty(LineDiff.Hunks(["a\n"], ["a\n"])!);

    [Fact]
    public void SplitLines_KeepsTerminatorsAndLastLine() =>
        Assert.Equal(["a\n", "b\n", "c"], LineDiff.SplitLines("a\nb\nc"));
}
