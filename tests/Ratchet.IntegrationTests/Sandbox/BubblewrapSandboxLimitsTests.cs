using System.Diagnostics;
using Ratchet.Sandbox;

namespace Ratchet.IntegrationTests.Sandbox;

/// <summary>Each termination, produced by a real misbehaving program.</summary>
[Collection(SandboxCollection.Name)]
public sealed class BubblewrapSandboxLimitsTests(SandboxFixture fixture)
{
    private ISandbox Sandbox => fixture.Sandbox;

    [Fact]
    public async Task Run_WhenCandidateExitsWithCode3_ReportsExitedWithTheCode()
    {
        await using var run = await Sandbox.RunAsync(Runs.Shell("echo partial; exit 3"));

        Assert.Equal(Termination.Exited, run.Termination);
        Assert.Equal(3, run.ExitCode);
        Assert.Equal("partial\n", run.Out());
        Assert.True(run.Resources.WallSeconds > 0 && run.Resources.MaxRssMb > 0, run.Resources.ToString());
    }

    [Fact]
    public async Task Run_WhenTheCommandDoesNotExist_SaysBwrapDidNotStartIt()
    {
        await using var run = await Sandbox.RunAsync(new SandboxRequest { Command = ["no-such-program"], Limits = Runs.Limits() });

        Assert.Equal(Termination.Exited, run.Termination);
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("bwrap did not start the command", run.Detail);
        Assert.Contains("no-such-program", run.Detail);
    }

    [Fact]
    public async Task Run_WhenCandidateTrapsSigtermAndSpins_IsKilledAtTheWallLimit()
    {
        var clock = Stopwatch.StartNew();
        await using var run = await Sandbox.RunAsync(Runs.Shell("trap '' TERM; while :; do :; done", Runs.Limits(wall: 1)));

        Assert.Equal(Termination.WallTimeout, run.Termination);
        Assert.Equal(9, run.Signal);
        Assert.InRange(clock.Elapsed.TotalSeconds, 1, 3);
        Assert.Contains("wall clock passed the limit of 1 s", run.Detail);
    }

    [Fact]
    public async Task Run_WhenABackgroundProcessOutlivesTheCommand_NothingOfTheTreeSurvivesTheRun()
    {
        var marker = "ratchet-orphan-" + Guid.NewGuid().ToString("N");
        await using var run = await Sandbox.RunAsync(Runs.Shell(
            $"/usr/bin/python3 -c 'import time; time.sleep(100)' {marker} & sleep 0.2; echo started"));

        Assert.Equal("started\n", run.Out());
        Assert.False(Runs.ProcessAlive(marker), "the orphaned sleeper is still alive after the run returned");
    }

    [Fact]
    public async Task Run_WhenCandidateForkBombs_ReportsProcessLimit()
    {
        await using var run = await Sandbox.RunAsync(Runs.Shell("b(){ b | b & }; b; sleep 20", Runs.Limits(wall: 20, processes: 16)));

        Assert.True(run.Termination == Termination.ProcessLimit, run.Describe());
        Assert.Contains("pids cgroup refused", run.Detail);
    }

    [Fact]
    public async Task Run_WhenCandidateAllocatesWithoutBound_ReportsOutOfMemory()
    {
        await using var run = await Sandbox.RunAsync(Runs.Python(
            "chunks = []\nwhile True: chunks.append(bytearray(8 << 20))", Runs.Limits(memoryMb: 64)));

        Assert.True(run.Termination == Termination.OutOfMemory, run.Describe());
        Assert.StartsWith("memory cgroup oom_kill=", run.Detail);
        Assert.InRange(run.Resources.MaxRssMb, 32, 64.5);
    }

    [Fact]
    public async Task Run_WhenCandidateFloodsStdoutWithAGigabyte_StopsAtTheCapWithinSeconds()
    {
        var clock = Stopwatch.StartNew();
        await using var run = await Sandbox.RunAsync(Runs.Shell("head -c 1000000000 /dev/zero", Runs.Limits(outputBytes: 65536)));

        Assert.Equal(Termination.OutputLimit, run.Termination);
        Assert.Equal(65536, run.Stdout.Length);
        Assert.InRange(clock.Elapsed.TotalSeconds, 0, 2);
        Assert.Contains("stdout passed the cap of 65536 bytes", run.Detail);
    }

    [Fact]
    public async Task Run_WhenCandidateBurnsCpuPastTheLimit_ReportsCpuLimitBeforeTheWallClock()
    {
        await using var run = await Sandbox.RunAsync(Runs.Shell("while :; do :; done", Runs.Limits(wall: 10, cpu: 0.5)));

        Assert.True(run.Termination == Termination.CpuLimit, run.Describe());
        Assert.InRange(run.Resources.CpuSeconds, 0.5, 2);
        Assert.InRange(run.Resources.WallSeconds, 0.4, 5);
    }

    [Fact]
    public async Task Run_WhenTheCallerCancels_KillsTheTreeAndReportsCancelled()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();
        await using var run = await Sandbox.RunAsync(Runs.Shell("sleep 30"), cancel.Token);

        Assert.Equal(Termination.Cancelled, run.Termination);
        Assert.InRange(clock.Elapsed.TotalSeconds, 0.2, 3);
    }
}
