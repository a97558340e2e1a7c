using Ratchet.Sandbox.Execution;
using Ratchet.Sandbox.Native;

namespace Ratchet.Tests.Sandbox.Execution;

public sealed class ResultsValidatorTests
{
    [Fact]
    public void Check_WhenOnlyRegularFilesWithinTheCap_AcceptsThemSorted()
    {
        using var folder = new TempFolder();
        folder.Write("out/z.txt", "zz");
        folder.Write("out/a/b.json", "{}");

        var check = ResultsValidator.Check(folder.Combine("out"), 10, isTmpfs: false);

        Assert.Null(check.Refusal);
        Assert.Equal([new("a/b.json", 2), new("z.txt", 2)], check.Results!.Files);
    }

    [Fact]
    public void Check_WhenASymbolicLinkHidesInASubfolder_RefusesNamingIt()
    {
        using var folder = new TempFolder();
        folder.Write("out/ok.txt", "x");
        Directory.CreateDirectory(folder.Combine("out", "deep"));
        File.CreateSymbolicLink(folder.Combine("out", "deep", "x"), "/etc/shadow");

        var check = ResultsValidator.Check(folder.Combine("out"), 10, isTmpfs: false);

        Assert.Null(check.Results);
        Assert.Equal("results: out/deep/x is a symbolic link", check.Refusal);
    }

    [Fact]
    public void Check_WhenAFifoIsPresent_RefusesWithoutOpeningIt()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Combine("out"));
        Libc.mkfifo(folder.Combine("out", "pipe"), 0x1a4);

        Assert.Equal("results: out/pipe is a named pipe (fifo)", ResultsValidator.Check(folder.Combine("out"), 10, false).Refusal);
    }

    [Fact]
    public void Check_WhenAFileHasASecondName_Refuses()
    {
        using var folder = new TempFolder();
        var file = folder.Write("out/a", "x");
        Libc.link(file, folder.Combine("out", "b"));

        Assert.Contains("has 2 hard links", ResultsValidator.Check(folder.Combine("out"), 10, false).Refusal);
    }

    [Fact]
    public void Check_WhenOneFileOrTheTotalPassesTheCap_RefusesNamingTheSize()
    {
        using var folder = new TempFolder();
        folder.Write("one/big", new string('x', 11));
        folder.Write("two/a", new string('x', 6));
        folder.Write("two/b", new string('x', 6));

        Assert.Equal("results: out/big is 11 bytes, over the cap of 10", ResultsValidator.Check(folder.Combine("one"), 10, false).Refusal);
        Assert.Contains("holds more than 10 bytes", ResultsValidator.Check(folder.Combine("two"), 10, false).Refusal);
    }

    [Fact]
    public void Seal_WhenResultsAreAccepted_MakesThemReadOnlyToOthers()
    {
        using var folder = new TempFolder();
        var file = folder.Write("out/r.txt", "x");
        Ratchet.Sandbox.Native.Libc.chmod(file, 0x182);
        var check = ResultsValidator.Check(folder.Combine("out"), 10, false);

        ResultsValidator.Seal(check.Results!, chownToRoot: false);

        Assert.Equal(0x1a4u, FileStatus.Lstat(file)!.Value.Mode);
    }

    [Fact]
    public void CheckAfter_WhenProcessesSurvivedTheKill_CollectsNothing()
    {
        using var folder = new TempFolder();
        folder.Write("out/r.txt", "x");

        var check = ResultsValidator.CheckAfter(treeDead: false, folder.Combine("out"), 10, isTmpfs: false);

        Assert.Null(check.Results);
        Assert.Contains("still alive", check.Refusal);
    }

    [Fact]
    public void CheckAfter_WhenTheTreeIsProvenDead_SealsAcceptedResults()
    {
        using var folder = new TempFolder();
        var file = folder.Write("out/r.txt", "x");
        Libc.chmod(file, 0x1ff);

        var check = ResultsValidator.CheckAfter(treeDead: true, folder.Combine("out"), 10, isTmpfs: false);

        Assert.NotNull(check.Results);
        Assert.Equal(0x1a4u, FileStatus.Lstat(file)!.Value.Mode);
    }

    [Fact]
    public void CheckAfter_WhenDeathIsUnknown_ChecksButDoesNotSeal()
    {
        using var folder = new TempFolder();
        var file = folder.Write("out/r.txt", "x");
        Libc.chmod(file, 0x1ff);

        var check = ResultsValidator.CheckAfter(treeDead: null, folder.Combine("out"), 10, isTmpfs: false);

        Assert.NotNull(check.Results);
        Assert.Equal(0x1ffu, FileStatus.Lstat(file)!.Value.Mode);
    }
}
