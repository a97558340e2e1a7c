using System.Text.RegularExpressions;
using Ratchet.Sandbox;

namespace Ratchet.IntegrationTests.Sandbox;

/// <summary>Launches made ahead of need (bwrap spawned, limited and put in its cgroup before the request comes) must
/// hold every limit and look exactly like a cold launch from inside, and must not outlive a pause or the sandbox.
/// Each test has a sandbox of its own, so that it controls which launches are warm.</summary>
[Collection(SandboxCollection.Name)]
public sealed partial class BubblewrapSandboxWarmLaunchTests : IDisposable
{
    private const string Probe =
        "cat /proc/self/mountinfo; echo ---; ls -la --time-style=full-iso /work; echo ---; id; echo ---; " +
        "grep -E '^(Cap(Inh|Prm|Eff|Bnd|Amb)|NoNewPrivs|Seccomp):' /proc/self/status; echo ---; ls /proc/self/fd; echo ---; " +
        "tr '\\0' ' ' < /proc/1/cmdline; echo; env | sort";

    private readonly string _state = Path.Combine(Path.GetTempPath(), "ratchet-warm-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly BubblewrapSandbox _sandbox;

    public BubblewrapSandboxWarmLaunchTests()
    {
        _sandbox = SandboxFactory.Create(new SandboxOptions(_state)) switch
        {
            SandboxCreation.Ready { Sandbox: BubblewrapSandbox sandbox } => sandbox,
            var other => throw new InvalidOperationException($"expected the bubblewrap sandbox, got {other}"),
        };
    }

    public void Dispose()
    {
        _sandbox.Dispose();
        Ratchet.Sandbox.Staging.TreeDeletion.Delete(_state);
    }

    [Fact]
    public async Task Run_WhenTheLaunchWasMadeAhead_LooksLikeAColdLaunchFromInside()
    {
        var request = Runs.Shell(Probe, collect: true, files: [StagedFile.FromText("main.py", "print(1)")]);
        var cold = await OutputAsync(request);
        await WarmUpAsync(request, runs: 1);

        var warm = await OutputAsync(request);

        Assert.Equal(1, _sandbox.WarmUsed);
        Assert.Equal(Normalize(cold), Normalize(warm));
        Assert.Contains("uid=65534", warm);
        Assert.Contains("CapEff:\t0000000000000000", warm);
        Assert.Contains("Seccomp:\t2", warm);
    }

    [Fact]
    public async Task Run_WhenTheLaunchWasMadeAhead_TheMemoryCgroupStillHoldsTheWholeTree()
    {
        var bomb = Runs.Python("chunks = []\nwhile True: chunks.append(bytearray(8 << 20))", Runs.Limits(memoryMb: 64));
        await WarmUpAsync(bomb);

        await using var run = await _sandbox.RunAsync(bomb);

        Assert.Equal(1, _sandbox.WarmUsed);
        Assert.True(run.Termination == Termination.OutOfMemory, run.Describe());
        Assert.InRange(run.Resources.MaxRssMb, 32, 64.5);
    }

    [Fact]
    public async Task Run_WhenTheLaunchWasMadeAhead_ThePidsCgroupStillRefusesAForkBomb()
    {
        var bomb = Runs.Shell("b(){ b | b & }; b; sleep 20", Runs.Limits(wall: 20, processes: 16));
        await WarmUpAsync(bomb);

        await using var run = await _sandbox.RunAsync(bomb);

        Assert.Equal(1, _sandbox.WarmUsed);
        Assert.True(run.Termination == Termination.ProcessLimit, run.Describe());
    }

    [Fact]
    public async Task ReleaseIdle_WhenLaunchesWaitForOptions_LeavesNoBwrapBehind()
    {
        var marker = "ratchet-warm-" + Guid.NewGuid().ToString("N");
        var request = Runs.Shell($"echo {marker}");
        await WarmUpAsync(request);
        Assert.True(Runs.ProcessAlive(marker), "no bwrap waits with the command in its argv: the launch was not made ahead");

        ((ISandbox)_sandbox).ReleaseIdle();

        Assert.True(SpinWait.SpinUntil(() => !Runs.ProcessAlive(marker), 5000), "a bwrap made ahead still waits after ReleaseIdle");
        Assert.Equal(0, _sandbox.WarmReady);
        Assert.Equal("ok\n", await OutputAsync(Runs.Shell("echo ok")));
    }

    [Fact]
    public async Task Dispose_WhenLaunchesWaitForOptions_EndsThemAndTheirMounts()
    {
        var marker = "ratchet-warm-" + Guid.NewGuid().ToString("N");
        var request = Runs.Shell($"echo {marker}", collect: true);
        await WarmUpAsync(request);

        _sandbox.Dispose();

        Assert.False(Runs.ProcessAlive(marker), "a bwrap made ahead outlived the sandbox");
        Assert.DoesNotContain(_sandbox.Host.StagingRoot, File.ReadAllText("/proc/self/mountinfo"));
    }

    private async Task<string> OutputAsync(SandboxRequest request)
    {
        await using var run = await _sandbox.RunAsync(request);
        Assert.True(run.Termination == Termination.Exited && run.ExitCode == 0, run.Describe());
        return run.Out();
    }

    /// <summary>Runs <paramref name="request"/> (to any end) until the sandbox has been asked for it twice, then waits
    /// for the launch that makes ready.</summary>
    private async Task WarmUpAsync(SandboxRequest request, int runs = 2)
    {
        for (var i = 0; i < runs; i++)
        {
            await using var run = await _sandbox.RunAsync(request);
        }
        await WaitWarmAsync();
    }

    private async Task WaitWarmAsync()
    {
        for (var i = 0; i < 500 && _sandbox.WarmReady == 0; i++)
            await Task.Delay(10, TestContext.Current.CancellationToken);
        Assert.True(_sandbox.WarmReady > 0, "no launch was made ahead of need after the second request");
    }

    /// <summary>Masks what differs between any two launches: mount ids, device numbers and the times bwrap sets at
    /// launch (the root's, and so /work's "..").</summary>
    private static string Normalize(string text)
    {
        text = MountIds().Replace(text, "ID ID DEV ");
        return Times().Replace(text, "TIME");
    }

    [GeneratedRegex(@"^\d+ \d+ \d+:\d+ ", RegexOptions.Multiline)]
    private static partial Regex MountIds();

    [GeneratedRegex(@"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ \+0000")]
    private static partial Regex Times();
}
