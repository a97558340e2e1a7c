using Ratchet.Sandbox;
using Ratchet.Sandbox.Native;

namespace Ratchet.IntegrationTests.Sandbox;

/// <summary>Escapes and leaks a candidate tries, and what stops each.</summary>
[Collection(SandboxCollection.Name)]
public sealed class BubblewrapSandboxIsolationTests(SandboxFixture fixture)
{
    private ISandbox Sandbox => fixture.Sandbox;

    [Fact]
    public async Task Run_WhenCandidateWritesOutsideItsScratchSpace_EveryWriteFails()
    {
        await using var run = await Sandbox.RunAsync(Runs.Shell(
            "for p in /usr/x /etc/x /work/x /x /proc/sys/kernel/hostname /sys/x; do (echo evil > $p) 2>/dev/null && echo WROTE $p; done; " +
            "echo ok > /tmp/x && echo TMP", files: StagedFile.FromText("main.py", "print(1)")));

        Assert.Equal("TMP\n", run.Out());
    }

    [Theory]
    [InlineData("1.1.1.1", 53)]
    [InlineData("127.0.0.1", 22)]
    public async Task Run_WhenCandidateOpensANetworkSocket_SeccompKillsIt(string host, int port)
    {
        await using var run = await Sandbox.RunAsync(Runs.Python(
            $"import socket\ns = socket.socket(socket.AF_INET, socket.SOCK_STREAM)\ns.connect(('{host}', {port}))\nprint('connected')"));

        Assert.True(run.Termination == Termination.SeccompKill, run.Describe());
        Assert.Equal(31, run.Signal);
        Assert.DoesNotContain("connected", run.Out());
    }

    [Fact]
    public async Task Run_WhenTheHostEnvironmentHoldsASecret_NeitherTheCommandNorPid1SeesIt()
    {
        Environment.SetEnvironmentVariable("RATCHET_IT_SECRET_KEY", "sk-do-not-leak-0451");
        await using var run = await Sandbox.RunAsync(Runs.Shell("env; echo ---; tr '\\0' '\\n' < /proc/1/environ"));

        Assert.Equal(Termination.Exited, run.Termination);
        Assert.DoesNotContain("sk-do-not-leak-0451", run.Out());
        var own = run.Out().Split("---")[0].Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('=')[0]).Order(StringComparer.Ordinal);
        Assert.Equal(["DOTNET_EnableWriteXorExecute", "HOME", "LANG", "PATH", "PWD"], own);
    }

    [Fact]
    public async Task Run_WhenTheHostHoldsInheritableDescriptors_OnlyStdioReachesTheCandidate()
    {
        // Opened without O_CLOEXEC, as a careless parent process would.
        var fd = Libc.open("/etc/hostname", 0, 0);
        Assert.True(fd > 2);
        try
        {
            await using var run = await Sandbox.RunAsync(Runs.Shell("ls /proc/self/fd"));

            Assert.Equal("0\n1\n2\n3\n", run.Out()); // 3 is ls's own listing
        }
        finally
        {
            Libc.close(fd);
        }
    }

    [Fact]
    public async Task Run_WhenCandidateTriesToRegainPrivilege_RemountUnshareAndCapabilitiesAllFail()
    {
        await using var run = await Sandbox.RunAsync(Runs.Shell(
            "id -u; grep -E '^Cap(Eff|Bnd|Prm)' /proc/self/status; " +
            "mount -o remount,rw /work 2>/dev/null || echo REMOUNT-FAILED; " +
            "(echo x > /work/x) 2>/dev/null || echo WORK-READONLY; " +
            "unshare -U true 2>/dev/null || echo UNSHARE-FAILED; " +
            "cat /etc/shadow >/dev/null 2>&1 || echo SHADOW-UNREADABLE"));

        Assert.Equal(
            "65534\nCapPrm:\t0000000000000000\nCapEff:\t0000000000000000\nCapBnd:\t0000000000000000\n" +
            "REMOUNT-FAILED\nWORK-READONLY\nUNSHARE-FAILED\nSHADOW-UNREADABLE\n",
            run.Out());
    }

    [Fact]
    public async Task Run_WhenLaunched_StdinIsDevNullNoNewPrivsIsSetAndTheRlimitsHold() =>
        await LaunchChecks.AssertLaunchStateAsync(Sandbox);

    [Fact]
    public async Task Run_WhenCandidateReadsPid1OrItsMounts_NoHostPathOfTheStagingShows()
    {
        await using var run = await Sandbox.RunAsync(Runs.Shell("tr '\\0' ' ' < /proc/1/cmdline; echo; cat /proc/self/mountinfo", collect: true));

        Assert.DoesNotContain(fixture.StateDirectory, run.Out());
        Assert.DoesNotContain("/sbx/", run.Out());
        Assert.Contains(" /work /work ro,", run.Out());
    }

    [Fact]
    public async Task Run_WhenCandidateTypesIntoATerminalWithTiocsti_SeccompKillsIt()
    {
        await using var run = await Sandbox.RunAsync(Runs.Python(
            "import fcntl, termios\nfcntl.ioctl(0, termios.TIOCSTI, b'x')\nprint('typed')"));

        Assert.True(run.Termination == Termination.SeccompKill, run.Describe());
    }
}
