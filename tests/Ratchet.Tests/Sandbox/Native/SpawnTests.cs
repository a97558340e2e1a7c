using System.Text;
using Ratchet.Sandbox.Execution;
using Ratchet.Sandbox.Native;

namespace Ratchet.Tests.Sandbox.Native;

public sealed class SpawnTests
{
    [Fact]
    public async Task Start_WhenGivenOnlyStdoutAndStderr_TheChildSeesDevNullAsStdinAndNoOtherDescriptor()
    {
        // Opened without O_CLOEXEC, as a careless parent would: the child must still not see it.
        var leaky = Libc.open("/etc/hostname", 0, 0);
        try
        {
            var (output, status) = await RunShellAsync("readlink /proc/self/fd/0; ls /proc/self/fd; exit 3");

            Assert.Equal("/dev/null\n0\n1\n2\n3\n", output); // 3 is ls's own listing
            Assert.Equal(3, status);
        }
        finally
        {
            Libc.close(leaky);
        }
    }

    [Fact]
    public async Task Start_WhenTheChildIsKilledBySignal_ReportsTheStatusAs128PlusTheSignal()
    {
        var (_, status) = await RunShellAsync("kill -9 $$");

        Assert.Equal(137, status);
    }

    [Fact]
    public void Start_WhenASourceDescriptorIsBelowCloseFrom_RefusesBeforeSpawning()
    {
        var request = new SpawnRequest(["/bin/true"], [], new Dictionary<int, int> { [1] = 5 }, CloseFrom: 10, "/");

        var error = Assert.Throws<ArgumentException>(() => Spawn.Start(request));

        Assert.Contains("descriptors must go from 10 or above", error.Message);
    }

    [Fact]
    public void Start_WhenTheProgramIsMissing_ThrowsWithItsPath()
    {
        var request = new SpawnRequest(["/nonexistent/ratchet-test"], [], new Dictionary<int, int>(), CloseFrom: 10, "/");

        var error = Assert.Throws<InvalidOperationException>(() => Spawn.Start(request));

        Assert.Contains("cannot start /nonexistent/ratchet-test", error.Message);
    }

    private static async Task<(string Output, int Status)> RunShellAsync(string script)
    {
        using var tree = StartShell(script).Tree;
        using var capture = tree.Capture(1 << 20, () => throw new InvalidOperationException("no output passes the cap here"));
        var output = await capture.Stdout.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        return (Encoding.UTF8.GetString(output.Bytes), await tree.Exited);
    }

    /// <summary>Spawns <c>sh -c script</c> with its stdout and stderr on pipes, as BwrapLauncher spawns bwrap.</summary>
    internal static (SpawnedTree Tree, int Pid) StartShell(string script)
    {
        var (read, write) = Pipe();
        var (errRead, errWrite) = Pipe();
        int pid;
        try
        {
            pid = Spawn.Start(new SpawnRequest(
                ["/bin/sh", "-c", script], [new("PATH", "/usr/bin:/bin")],
                new Dictionary<int, int> { [1] = write, [2] = errWrite }, CloseFrom: 10, "/"));
        }
        finally
        {
            Libc.close(write);
            Libc.close(errWrite);
        }

        return (new SpawnedTree(pid, read, errRead), pid);
    }

    /// <summary>A pipe with both ends above the numbers the child gets.</summary>
    internal static (int Read, int Write) Pipe()
    {
        var (low, lowWrite) = Libc.Pipe();
        // Move both ends above the numbers the child gets, as BwrapLauncher does.
        var read = Libc.fcntl(low, Libc.F_DUPFD_CLOEXEC, 10);
        var write = Libc.fcntl(lowWrite, Libc.F_DUPFD_CLOEXEC, 10);
        Libc.close(low);
        Libc.close(lowWrite);
        return (read, write);
    }
}
