using Ratchet.Sandbox.Native;

namespace Ratchet.Tests.Sandbox.Native;

/// <summary>The suite runs as root (test.sh installs packages as root; CI is root): these switch a real thread.</summary>
public sealed class ThreadCredentialsTests
{
    [Fact]
    public void RunAs_WhileTheActionRuns_OnlyTheCallingThreadHasTheSandboxIdentity()
    {
        var (during, process, after) = OnNewThread(() =>
        {
            var inside = ThreadCredentials.RunAs(65534, 65534, () => (Status("thread-self"), Status("self")));
            return (inside.Item1, inside.Item2, Status("thread-self"));
        });

        Assert.Contains("Uid:\t65534\t65534\t0\t65534\n", during); // real, effective, saved (root, to come back), fs
        Assert.Contains("Gid:\t65534\t65534\t", during);
        Assert.Contains("CapEff:\t0000000000000000\n", during);
        Assert.Contains("Uid:\t0\t0\t0\t0\n", process); // the process's main thread never changed
        Assert.Contains("Uid:\t0\t0\t0\t0\n", after);
        Assert.DoesNotContain("CapEff:\t0000000000000000\n", after);
    }

    [Fact]
    public void RunAs_WhenTheActionThrows_StillRestoresTheThread()
    {
        var after = OnNewThread(() =>
        {
            Assert.Throws<InvalidOperationException>(() => ThreadCredentials.RunAs<int>(65534, 65534, () => throw new InvalidOperationException("boom")));
            return Status("thread-self");
        });

        Assert.Contains("Uid:\t0\t0\t0\t0\n", after);
        Assert.Contains("Gid:\t0\t0\t0\t0\n", after);
    }

    [Fact]
    public void RunAs_WhenDone_LeavesTheProcessDumpable()
    {
        OnNewThread(() => ThreadCredentials.RunAs(65534, 65534, () => 0));

        Assert.Equal(1, Dumpable()); // changing a thread's effective uid makes the kernel clear it

    }

    private static T OnNewThread<T>(Func<T> action)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = action();
            }
            catch (Exception exception)
            {
                failure = exception;
            }
        });
        thread.Start();
        thread.Join();
        return failure is null ? result : throw new InvalidOperationException("the thread failed", failure);
    }

    private static string Status(string which) => File.ReadAllText($"/proc/{which}/status");

    private static int Dumpable() => prctl(3, 0, 0, 0, 0);

    [System.Runtime.InteropServices.DllImport("libc")]
    private static extern int prctl(int option, ulong a, ulong b, ulong c, ulong d);
}
