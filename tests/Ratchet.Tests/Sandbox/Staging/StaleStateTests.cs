using Ratchet.Sandbox;
using Ratchet.Sandbox.Cgroups;
using Ratchet.Sandbox.Staging;

namespace Ratchet.Tests.Sandbox.Staging;

public sealed class StaleStateTests
{
    [Fact]
    public void Clean_WhenAnOwnerDied_RemovesItsFoldersAndItsCgroupsOnly()
    {
        using var folder = new TempFolder();
        var root = folder.Combine("sbx");
        var dead = new StagingArea(root, useTmpfs: false, 65534, 65534);
        var deadStage = dead.Create(new SandboxRequest { Command = ["true"], Limits = new SandboxLimits(1, 1, 64, 8, 1024) });
        dead.Dispose(); // as if killed: the lock is free, the folders stay
        using var alive = new StagingArea(root, useTmpfs: false, 65534, 65534);
        var aliveStage = alive.Create(new SandboxRequest { Command = ["true"], Limits = new SandboxLimits(1, 1, 64, 8, 1024) });
        // Empty folders stand for cgroups: a real cgroupfs removes a cgroup with rmdir whatever control files it shows.
        var cgroups = new CgroupV2Backend(folder.Combine("cg"));
        Directory.CreateDirectory(folder.Combine("cg", $"tag00000-{dead.Owner}-0000000000000001"));
        Directory.CreateDirectory(folder.Combine("cg", $"tag00000-{alive.Owner}-0000000000000002"));
        Directory.CreateDirectory(folder.Combine("cg", $"othertag-{dead.Owner}-0000000000000003"));

        using var cleaner = new StagingArea(root, useTmpfs: false, 65534, 65534);
        StaleState.Clean(root, cgroups, "tag00000", cleaner.Owner);

        Assert.False(Directory.Exists(deadStage.Directory));
        Assert.False(File.Exists(StagingArea.LockPath(root, dead.Owner)));
        Assert.True(Directory.Exists(aliveStage.Directory));
        Assert.Equal(
            [$"othertag-{dead.Owner}-0000000000000003", $"tag00000-{alive.Owner}-0000000000000002"],
            cgroups.ExistingNames().Order(StringComparer.Ordinal));
    }
}
