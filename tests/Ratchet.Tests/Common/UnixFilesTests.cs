using Ratchet.Common;
using Ratchet.Tests.Tasks;

namespace Ratchet.Tests.Common;

public sealed class UnixFilesTests
{
    [Fact]
    public void TryStat_GivenFileDirectoryLinkAndMissingPath_ReportsTheirKinds()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "statx is Linux-only");
        using var temp = new TempTask();
        temp.Write("f.txt", "hello");
        File.CreateSymbolicLink(temp.PathOf("link"), "f.txt");

        Assert.True(UnixFiles.TryStat(temp.PathOf("f.txt"), out var file));
        Assert.True(UnixFiles.TryStat(temp.Root, out var folder));
        Assert.True(UnixFiles.TryStat(temp.PathOf("link"), out var link));
        Assert.True(UnixFiles.TryStat(temp.PathOf("missing"), out var missing));

        Assert.Equal(FileKind.Regular, file.Kind);
        Assert.Equal(5, file.Size);
        Assert.NotEqual(0UL, file.Inode);
        Assert.Equal(FileKind.Directory, folder.Kind);
        Assert.Equal(FileKind.Symlink, link.Kind);
        Assert.Equal(FileKind.Missing, missing.Kind);
    }

    [Fact]
    public void TryStat_WhenFileIsRewritten_ChangesTheStamp()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "statx is Linux-only");
        using var temp = new TempTask();
        temp.Write("f.txt", "one");
        UnixFiles.TryStat(temp.PathOf("f.txt"), out var before);
        Thread.Sleep(20);
        temp.Write("f.txt", "two");
        UnixFiles.TryStat(temp.PathOf("f.txt"), out var after);

        Assert.Equal(before.Inode, after.Inode);
        Assert.True(after.CtimeNs > before.CtimeNs, $"{after.CtimeNs} <= {before.CtimeNs}");
        Assert.Equal(new DateTimeOffset(File.GetLastWriteTimeUtc(temp.PathOf("f.txt"))).ToUnixTimeMilliseconds(), after.MtimeNs / 1_000_000);
    }

    [Fact]
    public void RealPath_GivenLinkChain_ResolvesEveryLink()
    {
        using var temp = new TempTask();
        temp.Write("real/f.txt", "x");
        Directory.CreateSymbolicLink(temp.PathOf("alias"), "real");
        File.CreateSymbolicLink(temp.PathOf("link"), "alias/f.txt");

        Assert.Equal(Path.Combine(UnixFiles.RealPath(temp.Root)!, "real", "f.txt"), UnixFiles.RealPath(temp.PathOf("link")));
        Assert.Null(UnixFiles.RealPath(temp.PathOf("missing")));
    }
}
