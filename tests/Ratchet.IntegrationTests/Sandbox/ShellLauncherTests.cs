using Ratchet.Sandbox;

namespace Ratchet.IntegrationTests.Sandbox;

/// <summary>The fallback launcher (sh, setpriv, bwrap) for hosts where bwrap cannot be spawned directly: it must
/// give the command the same state and the same confinement.</summary>
[Collection(SandboxCollection.Name)]
public sealed class ShellLauncherTests : IDisposable
{
    private readonly string _state = Path.Combine(Path.GetTempPath(), "ratchet-it-shell-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly BubblewrapSandbox _sandbox;

    public ShellLauncherTests()
    {
        _sandbox = SandboxFactory.Create(new SandboxOptions(_state) { ShellLauncher = true }) switch
        {
            SandboxCreation.Ready { Sandbox: BubblewrapSandbox sandbox } => sandbox,
            var other => throw new InvalidOperationException($"expected the bubblewrap sandbox, got {other}"),
        };
    }

    [Fact]
    public async Task Run_WhenLaunchedThroughTheShell_StdinIsDevNullNoNewPrivsIsSetAndTheRlimitsHold() =>
        await LaunchChecks.AssertLaunchStateAsync(_sandbox);

    [Fact]
    public async Task Run_WhenLaunchedThroughTheShell_AForkBombStopsAtTheProcessLimit()
    {
        await using var run = await _sandbox.RunAsync(Runs.Shell("b(){ b | b & }; b; sleep 20", Runs.Limits(wall: 20, processes: 16)));

        Assert.True(run.Termination == Termination.ProcessLimit, run.Describe());
        Assert.Contains("pids cgroup refused", run.Detail);
    }

    public void Dispose()
    {
        _sandbox.Dispose();
        Ratchet.Sandbox.Staging.TreeDeletion.Delete(_state);
    }
}
