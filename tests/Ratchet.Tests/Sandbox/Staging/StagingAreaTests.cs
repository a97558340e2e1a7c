using Ratchet.Sandbox;
using Ratchet.Sandbox.Native;
using Ratchet.Sandbox.Staging;

namespace Ratchet.Tests.Sandbox.Staging;

/// <summary>Plain-folder staging (the tmpfs variant needs root and is covered by the integration tests).</summary>
public sealed class StagingAreaTests
{
    private static SandboxRequest Request(params StagedFile[] files) => new()
    {
        Command = ["true"],
        WorkFiles = files,
        Limits = new SandboxLimits(1, 1, 64, 8, 1024),
        ResourcesJson = "{}"u8.ToArray(),
        CollectResults = true,
    };

    [Fact]
    public void Create_WhenFilesAreStaged_CopiesThemWithFixedTimesAndRoleModes()
    {
        using var folder = new TempFolder();
        var host = folder.Write("host/run.sh", "#!/bin/sh\n");
        Ratchet.Sandbox.Native.Libc.chmod(host, 0x1c0);
        var secret = folder.Write("host/sealed.txt", "sealed");
        Ratchet.Sandbox.Native.Libc.chmod(secret, 0x100);
        using var area = new StagingArea(folder.Combine("sbx"), useTmpfs: false, 65534, 65534);

        var stage = area.Create(Request(StagedFile.FromHost("run.sh", host), StagedFile.FromHost("in/data.txt", secret), StagedFile.FromText("b.txt", "bytes")));

        Assert.Equal("#!/bin/sh\n", File.ReadAllText(Path.Combine(stage.Work, "run.sh")));
        Assert.Equal(0x1edu, FileStatus.Lstat(Path.Combine(stage.Work, "run.sh"))!.Value.Mode);
        Assert.Equal(0x1a4u, FileStatus.Lstat(Path.Combine(stage.Work, "in", "data.txt"))!.Value.Mode);
        foreach (var path in new[] { stage.Work, Path.Combine(stage.Work, "in"), Path.Combine(stage.Work, "b.txt"), Path.Combine(stage.Meta, "resources.json") })
        {
            Assert.Equal(FixedTimes.Instant.UtcDateTime, File.GetLastWriteTimeUtc(path));
            Assert.Equal(FixedTimes.Instant.UtcDateTime, File.GetLastAccessTimeUtc(path));
        }

        Assert.True(Directory.Exists(stage.Out));
        Assert.False(stage.IsMounted);
    }

    [Fact]
    public void Create_WhenAPathLeavesTheFolder_RefusesBeforeWritingAnything()
    {
        using var folder = new TempFolder();
        using var area = new StagingArea(folder.Combine("sbx"), useTmpfs: false, 65534, 65534);

        Assert.Throws<ArgumentException>(() => area.Create(Request(StagedFile.FromText("../escape", "x"))));
        Assert.Empty(Directory.EnumerateDirectories(area.OwnerDirectory));
        Assert.False(File.Exists(folder.Combine("escape")));
    }

    [Fact]
    public void Release_WhenCalledTwice_DeletesTheStageOnce()
    {
        using var folder = new TempFolder();
        using var area = new StagingArea(folder.Combine("sbx"), useTmpfs: false, 65534, 65534);
        var stage = area.Create(Request(StagedFile.FromText("a.txt", "x")));

        stage.Release();
        stage.Release();

        Assert.False(Directory.Exists(stage.Directory));
    }

    [Fact]
    public void Dispose_WhenNoStageIsLeft_RemovesTheOwnersFolderAndLock()
    {
        using var folder = new TempFolder();
        var area = new StagingArea(folder.Combine("sbx"), useTmpfs: false, 65534, 65534);
        area.Create(Request(StagedFile.FromText("a.txt", "x"))).Release();

        area.Dispose();

        Assert.False(Directory.Exists(area.OwnerDirectory));
        Assert.False(File.Exists(StagingArea.LockPath(area.Root, area.Owner)));
    }

    [Fact]
    public void Constructor_WhenCalled_HoldsTheOwnerLockUntilDisposed()
    {
        using var folder = new TempFolder();
        var area = new StagingArea(folder.Combine("sbx"), useTmpfs: false, 65534, 65534);
        var lockPath = StagingArea.LockPath(area.Root, area.Owner);
        var stage = area.Create(Request(StagedFile.FromText("a.txt", "x")));

        Assert.Null(OwnerLock.TryAcquire(lockPath));
        area.Dispose();
        using var free = OwnerLock.TryAcquire(lockPath);
        Assert.NotNull(free);
        Assert.True(Directory.Exists(stage.Directory)); // an undisposed stage stays for the sweep
    }
}
