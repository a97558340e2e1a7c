using Ratchet.Sandbox;
using Ratchet.Sandbox.Native;
using Ratchet.Sandbox.Staging;

namespace Ratchet.IntegrationTests.Sandbox;

/// <summary>Staging as root: the owner's folder and every stage's in/ and out/ are tmpfs mounts, gone when released.</summary>
[Collection(SandboxCollection.Name)]
public sealed class StagingAreaTmpfsTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ratchet-it-staging-" + Guid.NewGuid().ToString("N")[..8]);

    private static SandboxRequest Request() => new()
    {
        Command = ["true"],
        WorkFiles = [StagedFile.FromText("run.sh", "echo hi\n")],
        Limits = new SandboxLimits(1, 1, 64, 8, 4096),
        CollectResults = true,
    };

    [Fact]
    public void Create_AsRoot_StagesOnTheOwnersTmpfsAndDisposeUnmountsIt()
    {
        Assert.Equal(0u, Libc.geteuid());
        var area = new StagingArea(Path.Combine(_root, "sbx"), useTmpfs: true, 65534, 65534);

        var owner = Assert.Single(MountsUnder(area.OwnerDirectory), mount => mount.MountPoint == area.OwnerDirectory);
        Assert.Equal("tmpfs", owner.FsType);
        Assert.Equal(0x1c9u, FileStatus.Stat(area.OwnerDirectory)!.Value.Mode & 0xfff);
        var stage = area.Create(Request());
        Assert.Equal(area.OwnerDirectory, Path.GetDirectoryName(stage.Directory));
        Assert.Equal(
            [area.OwnerDirectory, stage.In, stage.Out],
            MountsUnder(area.OwnerDirectory).Select(mount => mount.MountPoint).Order(StringComparer.Ordinal));
        Assert.Equal("echo hi\n", File.ReadAllText(Path.Combine(stage.Work, "run.sh")));

        stage.Release();
        Assert.Equal([area.OwnerDirectory], MountsUnder(area.OwnerDirectory).Select(mount => mount.MountPoint));
        area.Dispose();

        Assert.Empty(MountsUnder(_root));
        Assert.False(Directory.Exists(area.OwnerDirectory));
    }

    [Fact]
    public void Clean_WhenADeadOwnerLeftAStage_UnmountsItsTmpfsAndDeletesItsFolder()
    {
        var root = Path.Combine(_root, "sbx");
        var dead = new StagingArea(root, useTmpfs: true, 65534, 65534);
        dead.Create(Request());
        dead.Dispose(); // a held stage keeps the owner's folder and mounts, as a SIGKILL would

        Assert.Equal(3, MountsUnder(dead.OwnerDirectory).Count);
        using var next = new StagingArea(root, useTmpfs: true, 65534, 65534);
        StaleState.Clean(root, null, "tag00000", next.Owner);

        Assert.Empty(MountsUnder(dead.OwnerDirectory));
        Assert.False(Directory.Exists(dead.OwnerDirectory));
        Assert.False(File.Exists(StagingArea.LockPath(root, dead.Owner)));
        Assert.Single(MountsUnder(next.OwnerDirectory));
    }

    public void Dispose()
    {
        StaleState.Unmount(_root);
        TreeDeletion.Delete(_root);
    }

    private static List<MountEntry> MountsUnder(string folder) =>
        MountInfo.ReadSelf().Where(mount => mount.MountPoint == folder || mount.MountPoint.StartsWith(folder + "/", StringComparison.Ordinal)).ToList();
}
