using System.Diagnostics;
using Ratchet.Sandbox;
using Ratchet.Sandbox.Native;
using Ratchet.Sandbox.Staging;

namespace Ratchet.IntegrationTests.Sandbox;

[Collection(SandboxCollection.Name)]
public sealed class BubblewrapSandboxStaleStateTests
{
    [Fact]
    public async Task Constructor_WhenAnEarlierRatchetDiedMidRun_RemovesItsMountsFoldersCgroupsAndProcesses()
    {
        var state = Path.Combine(Path.GetTempPath(), "ratchet-it-stale-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            await KillMidRunThenRestartAsync(state);
        }
        finally
        {
            StaleState.Unmount(state);
            TreeDeletion.Delete(state);
        }
    }

    private static async Task KillMidRunThenRestartAsync(string state)
    {
        var dead = Create(state);
        var run = await dead.RunAsync(Runs.Shell("echo r > $RATCHET_OUT/r", collect: true));
        var stage = Path.GetDirectoryName(run.Results!.HostDirectory)!;
        Assert.Contains(MountInfo.ReadSelf(), mount => mount.MountPoint.StartsWith(stage, StringComparison.Ordinal));
        var cgroups = dead.Host.Cgroups!;
        var name = $"{dead.Host.CgroupTag}-{dead.Owner}-00000000deadbeef";
        var cgroup = cgroups.Create(name, Runs.Limits());
        using var straggler = Process.Start("sleep", "60");
        foreach (var procs in cgroup.ProcsFiles)
        {
            File.WriteAllText(procs, straggler.Id.ToString());
        }

        dead.Dispose(); // what the kernel does for a SIGKILLed Ratchet: its owner lock is free, the rest stays
        using var next = Create(state);

        Assert.False(Directory.Exists(stage));
        var deadFolder = Path.Combine(next.Host.StagingRoot, dead.Owner);
        Assert.DoesNotContain(MountInfo.ReadSelf(), mount => mount.MountPoint.StartsWith(deadFolder, StringComparison.Ordinal));
        Assert.False(Directory.Exists(deadFolder));
        Assert.DoesNotContain(name, cgroups.ExistingNames());
        Assert.True(straggler.WaitForExit(TimeSpan.FromSeconds(5)), "the straggler in the dead owner's cgroup was not killed");
        await run.DisposeAsync();
    }

    private static BubblewrapSandbox Create(string state) => SandboxFactory.Create(new SandboxOptions(state)) switch
    {
        SandboxCreation.Ready { Sandbox: BubblewrapSandbox sandbox } => sandbox,
        SandboxCreation.Refused refused => throw new InvalidOperationException(refused.Message),
        var other => throw new InvalidOperationException($"expected the bubblewrap sandbox, got {other}"),
    };
}
