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

    [Theory]
    [InlineData(new[] { 0, 1 }, 2, "0|1")]
    [InlineData(new[] { 0, 1, 2, 3 }, 2, "0,1|2,3")]
    [InlineData(new[] { 0, 2, 3, 5, 6 }, 2, "0,2|3,5,6")]
    [InlineData(new[] { 4, 5, 6 }, 3, "4|5|6")]
    [InlineData(new[] { 0, 1, 2, 3, 4, 5, 6 }, 3, "0,1|2,3|4-6")]
    public void PerWorker_GivesEachWorkerItsOwnRunOfTheCpus_TheLaterWorkersTheLongerRuns(int[] cpus, int workers, string expected)
    {
        var shares = CpuList.PerWorker(cpus, workers);

        Assert.NotNull(shares);
        Assert.Equal(expected, string.Join("|", shares.Select(CpuList.Format)));
    }

    [Theory]
    [InlineData(new[] { 0, 1 }, 1)]
    [InlineData(new[] { 3 }, 2)]
    [InlineData(new[] { 0, 1 }, 3)]
    public void PerWorker_WithOneWorkerOrFewerCpusThanWorkers_SplitsNothing(int[] cpus, int workers) =>
        Assert.Null(CpuList.PerWorker(cpus, workers));

    [Fact]
    public void PerWorker_ForEverySplit_EachCpuGoesToExactlyOneWorker_AndEveryWorkerGetsOne()
    {
        for (var count = 1; count <= 12; count++)
        {
            var cpus = Enumerable.Range(0, count).Select(i => 2 * i + 1).ToArray();
            for (var workers = 2; workers <= count; workers++)
            {
                var shares = CpuList.PerWorker(cpus, workers)!;

                Assert.Equal(workers, shares.Count);
                Assert.All(shares, share => Assert.NotEmpty(share));
                Assert.Equal(cpus, shares.SelectMany(share => share));
                Assert.True(shares.Max(s => s.Count) - shares.Min(s => s.Count) <= 1, $"{count} CPUs, {workers} workers: uneven");
            }
        }
    }

    [Fact]
    public void Allowed_IsTheCpusThisProcessMayUse_NeverEmpty()
    {
        var allowed = CpuList.Allowed();

        Assert.NotEmpty(allowed);
        Assert.Equal(allowed.Order(), allowed);
    }
}
