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

    [Fact]
    public void Clean_WhenKilledProcessesDoNotLeave_WaitsOnceForAllStaleCgroupsAndLeavesTheStuckOnes()
    {
        using var folder = new TempFolder();
        var root = folder.Combine("sbx");
        var dead = new StagingArea(root, useTmpfs: false, 65534, 65534);
        dead.Dispose();
        var cgroups = new ScriptedCgroups();
        var stuck = Enumerable.Range(1, 4).Select(i => cgroups.Add($"tag00000-{dead.Owner}-{i:x16}", killsToEmpty: int.MaxValue)).ToList();
        var dying = cgroups.Add($"tag00000-{dead.Owner}-{5:x16}", killsToEmpty: 2);
        var emptyAlready = cgroups.Add($"tag00000-{dead.Owner}-{6:x16}", killsToEmpty: 0);

        using var cleaner = new StagingArea(root, useTmpfs: false, 65534, 65534);
        StaleState.Clean(root, cgroups, "tag00000", cleaner.Owner, killWait: TimeSpan.FromMilliseconds(200));

        Assert.True(dying.Removed);
        Assert.True(emptyAlready.Removed);
        Assert.Equal(0, emptyAlready.Kills);
        Assert.All(stuck, cgroup => Assert.False(cgroup.Removed));
        // One shared wait: every stuck cgroup was killed in the same rounds, and no more rounds than 200 ms of 10 ms
        // polls allow (waiting per cgroup, as before, made it 4 x 100 rounds).
        Assert.Single(stuck.Select(cgroup => cgroup.Kills).Distinct());
        Assert.InRange(stuck[0].Kills, 2, 21);
        Assert.False(File.Exists(StagingArea.LockPath(root, dead.Owner)));
    }

    /// <summary>Cgroups that empty after a given number of kills (or never), on no real cgroupfs.</summary>
    private sealed class ScriptedCgroups : CgroupBackend
    {
        private readonly Dictionary<string, ScriptedCgroup> _cgroups = new(StringComparer.Ordinal);

        public override string Version => "v2";

        public ScriptedCgroup Add(string name, int killsToEmpty) => _cgroups[name] = new ScriptedCgroup(killsToEmpty);

        public override SandboxCgroup Create(string name, SandboxLimits limits) => throw new NotSupportedException();

        public override IEnumerable<string> ExistingNames() => _cgroups.Where(pair => !pair.Value.Removed).Select(pair => pair.Key).ToList();

        public override SandboxCgroup Open(string name) => _cgroups[name];
    }

    private sealed class ScriptedCgroup(int killsToEmpty) : SandboxCgroup
    {
        public int Kills { get; private set; }

        public bool Removed { get; private set; }

        public override IReadOnlyList<string> ProcsFiles => [];

        public override CgroupUsage ReadUsage() => throw new NotSupportedException();

        public override bool IsEmpty() => Kills >= killsToEmpty;

        public override IReadOnlyList<int> Listed() => [];

        public override bool KillAll()
        {
            Kills++;
            return false;
        }

        public override bool TryRemove() => Removed = IsEmpty();
    }
}
