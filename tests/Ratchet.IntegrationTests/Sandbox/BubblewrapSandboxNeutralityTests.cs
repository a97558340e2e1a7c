using System.Text.RegularExpressions;
using Ratchet.Sandbox;

namespace Ratchet.IntegrationTests.Sandbox;

/// <summary>A holdout run must look exactly like a visible one from inside (REDTEAM row 27).</summary>
[Collection(SandboxCollection.Name)]
public sealed partial class BubblewrapSandboxNeutralityTests(SandboxFixture fixture)
{
    private const string Probe =
        "cat /proc/self/mountinfo; echo ---; ls -la --time-style=full-iso /work /work/data; echo ---; " +
        "stat /work /work/data /work/data/input.txt /work/main.py; echo ---; tr '\\0' ' ' < /proc/1/cmdline";

    [Fact]
    public async Task Run_WhenTwoRunsStageDifferentContentAtTheSamePaths_TheyLookTheSameInside()
    {
        var visible = await ProbeAsync("visible-1234", "print('visible')");
        var holdout = await ProbeAsync("holdout-9876", "print('holdout')");

        Assert.Equal(Normalize(visible), Normalize(holdout));
        Assert.Contains("2000-01-01 00:00:00.000000000 +0000 input.txt", visible);
        Assert.DoesNotContain(fixture.StateDirectory, visible);
    }

    private async Task<string> ProbeAsync(string input, string program)
    {
        await using var run = await fixture.Sandbox.RunAsync(Runs.Shell(Probe, collect: true,
            files: [StagedFile.FromText("data/input.txt", input), StagedFile.FromText("main.py", program)]));
        Assert.True(run.Termination == Termination.Exited && run.ExitCode == 0, run.Describe());
        return run.Out();
    }

    /// <summary>Masks what differs between any two mounts or launches, holdout or not: mount ids and device numbers
    /// (as the brief allows), plus the three clocks user space cannot set - each file's ctime and birth time, and
    /// the sandbox root's times (shown as /work's "..": bwrap makes it at launch). All three equal `date`, which a
    /// candidate can read anyway.</summary>
    private static string Normalize(string text)
    {
        text = MountIds().Replace(text, "ID ID DEV ");
        text = Device().Replace(text, "Device: DEV");
        text = Clocks().Replace(text, "$1 CLOCK");
        return RootTimes().Replace(text, "TIME ..");
    }

    [GeneratedRegex(@"(?m)^\d+ \d+ \d+:\d+ ")]
    private static partial Regex MountIds();

    [GeneratedRegex(@"Device: \S+")]
    private static partial Regex Device();

    [GeneratedRegex(@"(?m)^\s*(Change:|Birth:).*$")]
    private static partial Regex Clocks();

    [GeneratedRegex(@"(?m)\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ [+-]\d{4} \.\.$")]
    private static partial Regex RootTimes();
}
