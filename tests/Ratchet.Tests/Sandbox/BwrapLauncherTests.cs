using Ratchet.Sandbox;
using Ratchet.Sandbox.Execution;
using Ratchet.Sandbox.Native;
using Ratchet.Sandbox.Seccomp;

namespace Ratchet.Tests.Sandbox;

/// <summary>The suite runs as root (test.sh installs packages as root; CI is root).</summary>
[Collection(Native.CredentialSwitching.Name)]
public sealed class BwrapLauncherTests
{
    private static readonly SandboxLimits Limits = new(WallSeconds: 5, CpuSeconds: 2.5, MemoryMb: 64, Processes: 8, OutputBytes: 1000, TmpMb: 1, OpenFiles: 64);

    [Fact]
    public void SpawnLimited_WhenSpawnedAsTheSandboxUserManyTimes_EveryChildGetsItsRlimits()
    {
        // posix_spawn returns a moment before the child's exec commits its credentials; prlimit in that moment is
        // refused. 4,000 spawns hit that moment a few times on this kind of machine (without the retry, 1,500 failed 2 runs of 3).
        var request = new SpawnRequest(["/bin/sleep", "30"], [], new Dictionary<int, int>(), CloseFrom: 10, "/");
        for (var i = 0; i < 4000; i++)
        {
            var pid = ThreadCredentials.RunAs(65534, 65534, () => BwrapLauncher.SpawnLimited(request, Limits));
            try
            {
                var limits = File.ReadAllText($"/proc/{pid}/limits");
                Assert.Matches(@"Max open files\s+64\s+64\s", limits);
                Assert.Matches(@"Max cpu time\s+4\s+5\s", limits);
                Assert.Matches(@"Max core file size\s+0\s+0\s", limits);
            }
            finally
            {
                Libc.kill(pid, Libc.SIGKILL);
                Reaper.WaitExit(pid);
            }
        }
    }

    [Fact]
    public async Task SpawnWaiting_WhenTheOptionsPipeClosesEmpty_BwrapRunsNothing()
    {
        // What a launch made ahead of need sees when Ratchet dies before writing its options.
        using var folder = new TempFolder();
        var pending = BwrapLauncher.SpawnWaiting(WaitingPlan(folder, ["/bin/sh", "-c", "echo ran-anyway"]), dropToSandboxUser: true);

        using var tree = pending.Release([]);
        using var capture = tree.Capture(1 << 20, () => { });
        var status = await tree.Exited;

        Assert.NotEqual(0, status);
        Assert.Empty((await capture.Stdout).Bytes);
        Assert.Contains("execvp", System.Text.Encoding.UTF8.GetString((await capture.Stderr).Bytes));
    }

    [Fact]
    public void Abandon_WhenBwrapWaitsForItsOptions_KillsAndReapsIt()
    {
        using var folder = new TempFolder();
        var pending = BwrapLauncher.SpawnWaiting(WaitingPlan(folder, ["/bin/true"]), dropToSandboxUser: true);
        Assert.True(Directory.Exists($"/proc/{pending.Pid}"));

        pending.Abandon();
        pending.Abandon();

        Assert.True(pending.HasExited);
        Assert.False(Directory.Exists($"/proc/{pending.Pid}"), "the abandoned bwrap was not reaped");
        Assert.Throws<InvalidOperationException>(() => pending.Release([]));
    }

    private static BwrapPlan WaitingPlan(TempFolder folder, IReadOnlyList<string> command)
    {
        var seccomp = folder.Combine("seccomp.bpf");
        File.WriteAllBytes(seccomp, SeccompFilter.Build());
        return new BwrapPlan("/usr/bin/bwrap", null, 65534, 65534, [], seccomp, folder.Combine("status"), folder.Combine("args"),
            Limits, folder.Path, null, null, null, [], [], command);
    }
}
