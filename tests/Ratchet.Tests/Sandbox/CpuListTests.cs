using Ratchet.Sandbox;

namespace Ratchet.Tests.Sandbox;

public sealed class CpuListTests
{
    [Theory]
    [InlineData("1", new[] { 1 })]
    [InlineData("0,2-3", new[] { 0, 2, 3 })]
    [InlineData(" 3 , 1-2,2 ", new[] { 1, 2, 3 })]
    [InlineData("5-5", new[] { 5 })]
    public void Parse_KernelNotation_GivesTheSortedCpus(string text, int[] expected)
    {
        Assert.Equal(expected, CpuList.Parse(text, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("", "'' is not a CPU number or range")]
    [InlineData("one", "'one' is not a CPU number or range")]
    [InlineData("1-2-3", "'1-2-3' is not a CPU number or range")]
    [InlineData("-1", "'-1' is not a CPU number or range")]
    [InlineData("4-2", "the range '4-2' runs backwards; write it as 2-4")]
    public void Parse_WhatIsNotACpuList_SaysWhichPartAndHowToWriteIt(string text, string message)
    {
        Assert.Null(CpuList.Parse(text, out var error));
        Assert.StartsWith(message, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { 1 }, "1")]
    [InlineData(new[] { 0, 1 }, "0,1")]
    [InlineData(new[] { 3, 0, 1, 2, 7 }, "0-3,7")]
    [InlineData(new[] { 0, 2, 3, 4, 6, 7 }, "0,2-4,6,7")]
    public void Format_WritesRunsOfThreeOrMoreAsRanges_AndParsesBack(int[] cpus, string expected)
    {
        Assert.Equal(expected, CpuList.Format(cpus));
        Assert.Equal(cpus.Order(), CpuList.Parse(expected, out _));
    }

    [Fact]
    public void Allowed_IsTheCpusThisProcessMayUse_NeverEmpty()
    {
        var allowed = CpuList.Allowed();

        Assert.NotEmpty(allowed);
        Assert.Equal(allowed.Order(), allowed);
    }
}
