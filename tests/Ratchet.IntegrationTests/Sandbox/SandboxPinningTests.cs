using Ratchet.Sandbox;
using Ratchet.Sandbox.Native;

namespace Ratchet.IntegrationTests.Sandbox;

/// <summary><see cref="SandboxOptions.Cpus"/>: every process of a pinned sandbox, children included, may run only on
/// the chosen CPUs, whichever launcher started it; and the launcher thread, shared by every sandbox in the process,
/// gets its own mask back, so an unpinned sandbox beside a pinned one is not pinned.</summary>
[Collection(SandboxCollection.Name)]
public sealed class SandboxPinningTests : IDisposable
{
    /// <summary>The allowed CPUs of a grandchild of the sandbox's first process.</summary>
    private const string Probe = "sh -c 'grep Cpus_allowed_list /proc/self/status'";

    private readonly List<string> _states = [];
    private readonly List<IDisposable> _sandboxes = [];

    public void Dispose()
    {
        foreach (var sandbox in _sandboxes)
            sandbox.Dispose();
        foreach (var state in _states)
            Ratchet.Sandbox.Staging.TreeDeletion.Delete(state);
    }

    [Theory]
    [InlineData("direct")]
    [InlineData("shell")]
    [InlineData("unsafe")]
    public async Task Run_WhenPinned_EveryProcessOfTheSandboxRunsOnlyOnTheChosenCpu(string launcher)
    {
        var allowed = CpuAffinity.Allowed();
        var last = allowed[^1];
        var pinned = Create(launcher, [last]);

        // Three runs: the later ones may use launches made ahead of need, which must be pinned too.
        for (var i = 0; i < 3; i++)
        {
            await using var run = await pinned.RunAsync(Runs.Shell(Probe));
            Assert.True(run.Termination == Termination.Exited && run.ExitCode == 0, run.Describe());
            Assert.Equal($"Cpus_allowed_list:\t{last}", run.Out().Trim());
        }
    }

    [Fact]
    public async Task Run_AfterAPinnedSandboxLaunched_AnUnpinnedOneMayStillUseEveryCpu()
    {
        var allowed = CpuAffinity.Allowed();
        Assert.SkipWhen(allowed.Count < 2, "one CPU: pinned and unpinned look the same");
        var pinned = Create("direct", [allowed[0]]);
        var free = Create("direct", null);
        await using (var run = await pinned.RunAsync(Runs.Shell(Probe)))
            Assert.Equal($"Cpus_allowed_list:\t{allowed[0]}", run.Out().Trim());

        await using var after = await free.RunAsync(Runs.Shell(Probe));

        Assert.Equal(allowed, CpuList.Parse(after.Out().Trim().Split('\t')[^1], out _));
    }

    [Theory]
    [InlineData("direct")]
    [InlineData("shell")]
    [InlineData("unsafe")]
    public async Task Run_WithCpusInTheRequest_PinsThatRunOnly_OverTheSandboxsSetting(string launcher)
    {
        var allowed = CpuAffinity.Allowed();
        Assert.SkipWhen(allowed.Count < 2, "one CPU: pinned and unpinned look the same");
        var sandbox = Create(launcher, null);

        // Alternating, so that launches made ahead of need serve both: a request's CPUs must not stick to the
        // sandbox's later launches, nor the unpinned mask of a launch made ahead to a pinned request.
        for (var i = 0; i < 4; i++)
        {
            var cpu = allowed[i % 2 == 0 ? 0 : ^1];
            await using (var pinned = await sandbox.RunAsync(Runs.Shell(Probe) with { Cpus = [cpu] }))
            {
                Assert.True(pinned.Termination == Termination.Exited && pinned.ExitCode == 0, pinned.Describe());
                Assert.Equal($"Cpus_allowed_list:\t{cpu}", pinned.Out().Trim());
            }

            await using var free = await sandbox.RunAsync(Runs.Shell(Probe));
            Assert.Equal(allowed, CpuList.Parse(free.Out().Trim().Split('\t')[^1], out _));
        }
    }

    [Fact]
    public void Create_WithACpuThisProcessCannotUse_IsRefusedWithTheCpusItCan()
    {
        var state = State();

        var creation = SandboxFactory.Create(new SandboxOptions(state) { Cpus = [4095] });

        var refused = Assert.IsType<SandboxCreation.Refused>(creation);
        Assert.Contains("Cpus must name CPUs this process may use", refused.Message, StringComparison.Ordinal);
        Assert.Contains("[4095]", refused.Message, StringComparison.Ordinal);
    }

    private ISandbox Create(string launcher, IReadOnlyList<int>? cpus)
    {
        var options = new SandboxOptions(State(), AllowUnsafe: launcher == "unsafe") { Cpus = cpus, ShellLauncher = launcher == "shell" };
        var sandbox = SandboxFactory.Create(options) switch
        {
            SandboxCreation.Ready ready => ready.Sandbox,
            var other => throw new InvalidOperationException($"expected a sandbox, got {other}"),
        };
        _sandboxes.Add((IDisposable)sandbox);
        return sandbox;
    }

    private string State()
    {
        var state = Path.Combine(Path.GetTempPath(), "ratchet-it-pin-" + Guid.NewGuid().ToString("N")[..12]);
        _states.Add(state);
        return state;
    }
}
