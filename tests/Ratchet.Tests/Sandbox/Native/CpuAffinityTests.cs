using System.Diagnostics;
using Ratchet.Sandbox;
using Ratchet.Sandbox.Native;

namespace Ratchet.Tests.Sandbox.Native;

public sealed class CpuAffinityTests
{
    [Fact]
    public void Pin_AnotherProcess_NarrowsItsMask_AndWhatItStartsAfterwardsInheritsIt()
    {
        var allowed = CpuAffinity.Allowed();
        var cpu = allowed[^1];
        // The shell waits for a line before it starts its child, as a warm bwrap waits for its options.
        using var shell = Process.Start(new ProcessStartInfo("sh", ["-c", "read go; grep Cpus_allowed_list /proc/self/status"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
        })!;

        var pinned = CpuAffinity.Pin(shell.Id, [cpu]);
        shell.StandardInput.WriteLine("go");
        var child = shell.StandardOutput.ReadToEnd();
        shell.WaitForExit();

        Assert.True(pinned);
        Assert.Equal($"Cpus_allowed_list:\t{cpu}", child.Trim());
    }

    [Fact]
    public void Pin_AProcessThatIsGone_IsFalse()
    {
        using var gone = Process.Start("true")!;
        gone.WaitForExit();

        Assert.False(CpuAffinity.Pin(gone.Id, CpuAffinity.Allowed()));
    }

    [Fact]
    public void Pin_ACpuBeyondTheMask_IsRefusedBeforeTheKernelIsAsked() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CpuAffinity.Pin(Environment.ProcessId, [1024]));

    [Fact]
    public void Spawning_PinsWhatTheThreadStarts_ThenGivesTheThreadItsMaskBack()
    {
        var allowed = CpuAffinity.Allowed();
        var before = File.ReadAllText("/proc/thread-self/status");

        var child = CpuAffinity.Spawning([allowed[0]], () =>
        {
            using var probe = Process.Start(new ProcessStartInfo("grep", ["Cpus_allowed_list", "/proc/self/status"]) { RedirectStandardOutput = true })!;
            var text = probe.StandardOutput.ReadToEnd();
            probe.WaitForExit();
            return text;
        });

        Assert.Equal($"Cpus_allowed_list:\t{allowed[0]}", child.Trim());
        Assert.Equal(CpusAllowed(before), CpusAllowed(File.ReadAllText("/proc/thread-self/status")));
    }

    private static string CpusAllowed(string status) =>
        status.Split('\n').First(line => line.StartsWith("Cpus_allowed_list:", StringComparison.Ordinal)).Split('\t')[^1];
}
