using Ratchet.Sandbox.Native;

namespace Ratchet.Tests.Sandbox.Native;

/// <summary>The suite runs as root (test.sh installs packages as root; CI is root): these switch a real thread.
/// The dumpable flag is the process's, so these run apart from every other test that switches a thread.</summary>
[Collection(CredentialSwitching.Name)]
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

    [Fact]
    public void RunAs_WhenTwoThreadsOverlapAndTheFirstLeavesFirst_LeavesTheProcessDumpable()
    {
        using var firstInside = new ManualResetEventSlim();
        using var secondInside = new ManualResetEventSlim();
        using var firstOut = new ManualResetEventSlim();
        var first = new Thread(() => ThreadCredentials.RunAs(65534, 65534, () =>
        {
            firstInside.Set();
            return secondInside.Wait(TimeSpan.FromSeconds(10));
        }));
        var second = new Thread(() => ThreadCredentials.RunAs(65534, 65534, () =>
        {
            secondInside.Set();
            return firstOut.Wait(TimeSpan.FromSeconds(10));
        }));

        first.Start();
        Assert.True(firstInside.Wait(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
        second.Start();
        first.Join();
        var whileSecondInside = Dumpable();
        firstOut.Set();
        second.Join();

        Assert.Equal(0, whileSecondInside); // the second thread still has the sandbox identity
        Assert.Equal(1, Dumpable()); // noting the flag per call would have put back the 0 the first switch left
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

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CredentialSwitching
{
    public const string Name = "threads that switch credentials";
}
