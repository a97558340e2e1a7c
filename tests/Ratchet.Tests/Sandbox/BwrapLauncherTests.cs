using Ratchet.Sandbox;
using Ratchet.Sandbox.Execution;
using Ratchet.Sandbox.Native;

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
                SpawnedTree.Reap(pid);
            }
        }
    }
}
