using Ratchet.Sandbox.Native;

namespace Ratchet.Tests.Sandbox.Native;

public sealed class FileStatusTests
{
    [Fact]
    public void Lstat_WhenThePathIsASymbolicLink_DescribesTheLinkNotItsTarget()
    {
        using var folder = new TempFolder();
        var target = folder.Write("target.txt", "12345");
        var link = folder.Combine("link");
        File.CreateSymbolicLink(link, target);

        Assert.Equal(FileKind.SymbolicLink, FileStatus.Lstat(link)?.Kind);
        Assert.Equal((FileKind.Regular, 1u, 5L), (FileStatus.Stat(link)!.Value.Kind, FileStatus.Stat(link)!.Value.LinkCount, FileStatus.Stat(link)!.Value.Size));
    }

    [Fact]
    public void Lstat_WhenAFileHasTwoNames_CountsBothLinks()
    {
        using var folder = new TempFolder();
        var first = folder.Write("a", "x");
        Assert.Equal(0, Libc.link(first, folder.Combine("b")));

        Assert.Equal(2u, FileStatus.Lstat(first)?.LinkCount);
    }

    [Fact]
    public void Lstat_WhenThePathIsAFifoOrMissing_SaysSo()
    {
        using var folder = new TempFolder();
        Assert.Equal(0, Libc.mkfifo(folder.Combine("p"), 0x1a4));

        Assert.Equal(FileKind.Fifo, FileStatus.Lstat(folder.Combine("p"))?.Kind);
        Assert.Null(FileStatus.Lstat(folder.Combine("missing")));
    }
}
