using Ratchet.Sandbox;

namespace Ratchet.IntegrationTests.Sandbox;

/// <summary>What every launcher must give the command, checked from inside.</summary>
internal static class LaunchChecks
{
    public static async Task AssertLaunchStateAsync(ISandbox sandbox)
    {
        var limits = Runs.Limits(cpu: 3);
        await using var run = await sandbox.RunAsync(Runs.Shell(
            "readlink /proc/self/fd/0; grep -E '^(NoNewPrivs|CapInh|CapAmb)' /proc/self/status; " +
            "ulimit -c; ulimit -n; ulimit -t; ulimit -H -t; ls /proc/self/fd; " +
            "cat /etc/shadow >/dev/null 2>&1 || echo SHADOW-UNREADABLE", limits));

        Assert.Equal(
            "/dev/null\nCapInh:\t0000000000000000\nCapAmb:\t0000000000000000\nNoNewPrivs:\t1\n" +
            $"0\n{limits.OpenFiles}\n4\n5\n0\n1\n2\n3\nSHADOW-UNREADABLE\n",
            run.Out());
    }
}
