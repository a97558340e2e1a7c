using System.Diagnostics;
using Ratchet.Sandbox;

namespace Ratchet.IntegrationTests.Sandbox;

/// <summary>--unsafe-no-sandbox still scrubs, caps, times out and checks results, and says it isolates nothing.</summary>
public sealed class UnsafeSandboxTests : IDisposable
{
    private readonly string _state = Path.Combine(Path.GetTempPath(), "ratchet-it-unsafe-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly UnsafeSandbox _sandbox;

    public UnsafeSandboxTests() =>
        _sandbox = (UnsafeSandbox)((SandboxCreation.Ready)SandboxFactory.Create(new SandboxOptions(_state, AllowUnsafe: true))).Sandbox;

    [Fact]
    public async Task Run_WhenTheCommandReadsItsFilesAndWritesResults_BehavesLikeTheSandbox()
    {
        await using var run = await _sandbox.RunAsync(Runs.Shell(
            "cat data/in.txt; echo r > $RATCHET_OUT/r.txt; exit 4", collect: true, files: StagedFile.FromText("data/in.txt", "input\n")));

        Assert.Equal((Termination.Exited, 4, "input\n"), (run.Termination, run.ExitCode, run.Out()));
        Assert.Equal(new ResultFile("r.txt", 2), Assert.Single(run.Results!.Files));
        Assert.Equal("none", _sandbox.Info.Mode);
    }

    [Fact]
    public async Task Run_WhenTheCommandHangsWithAChild_KillsTheWholeProcessGroupAtTheLimit()
    {
        var marker = "ratchet-unsafe-child-" + Guid.NewGuid().ToString("N");
        var clock = Stopwatch.StartNew();
        await using var run = await _sandbox.RunAsync(Runs.Shell(
            $"/usr/bin/python3 -c 'import time; time.sleep(100)' {marker} & trap '' TERM; while :; do :; done", Runs.Limits(wall: 1)));

        Assert.Equal(Termination.WallTimeout, run.Termination);
        Assert.InRange(clock.Elapsed.TotalSeconds, 1, 3);
        Assert.False(Runs.ProcessAlive(marker), "the child outlived the run");
    }

    [Fact]
    public async Task Run_WhenTheHostHoldsASecret_TheEnvironmentIsScrubbed()
    {
        Environment.SetEnvironmentVariable("RATCHET_IT_UNSAFE_SECRET", "sk-unsafe-0451");
        await using var run = await _sandbox.RunAsync(Runs.Shell("env"));

        Assert.DoesNotContain("sk-unsafe-0451", run.Out());
        Assert.Contains("PATH=/usr/local/bin:/usr/bin:/bin\n", run.Out());
    }

    [Fact]
    public async Task Run_WhenResultsHoldASymlink_RefusesThem()
    {
        await using var run = await _sandbox.RunAsync(Runs.Shell("ln -s /etc/passwd $RATCHET_OUT/x", collect: true));

        Assert.Equal((Termination.ResultsRefused, "results: out/x is a symbolic link"), (run.Termination, run.Detail));
    }

    public void Dispose()
    {
        _sandbox.Dispose();
        Ratchet.Sandbox.Staging.TreeDeletion.Delete(_state);
    }
}
