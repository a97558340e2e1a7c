using Ratchet.Sandbox.Native;

namespace Ratchet.Tests.Sandbox.Native;

public sealed class ReaperTests
{
    [Fact]
    public async Task Watch_ManyChildrenEndingOutOfOrder_EachTaskGetsItsOwnChildsStatus()
    {
        var reaper = Reaper.Shared;
        Assert.NotNull(reaper); // pidfd_open exists on every kernel these machines run (5.3+)

        // The later-started children end first, so the poll set is reaped from its end as well as its middle.
        var children = Enumerable.Range(0, 24)
            .Select(i => (Code: i + 1, Task: reaper.Watch(Start($"sleep 0.{24 - i:D2}; exit {i + 1}"))!))
            .ToList();
        var statuses = await Task.WhenAll(children.Select(c => c.Task)).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(children.Select(c => c.Code), statuses);
    }

    [Fact]
    public async Task Watch_ChildAlreadyExited_CompletesWithItsStatus()
    {
        var pid = Start("exit 7");
        await Task.Delay(200, TestContext.Current.CancellationToken); // a zombie by now: pidfd_open still opens it

        var status = await Reaper.Shared!.Watch(pid)!.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(7, status);
    }

    [Fact]
    public void Watch_NotAChildOrNotAProcess_GivesNullSoTheCallerWaitsItself()
    {
        Assert.Null(Reaper.Shared!.Watch(int.MaxValue));
    }

    [Fact]
    public async Task Repeat_WhenTheCheckAsksAgain_RunsAfterEachDelayUntilItReturnsNull()
    {
        var calls = 0;
        var fifth = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var threads = new HashSet<string?>();

        using var repetition = Reaper.Shared!.Repeat(TimeSpan.FromMilliseconds(5), () =>
        {
            threads.Add(Thread.CurrentThread.Name);
            if (++calls < 5)
                return TimeSpan.FromMilliseconds(5);
            fifth.SetResult();
            return null;
        });
        await fifth.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        await Task.Delay(100, TestContext.Current.CancellationToken);

        Assert.Equal(5, calls);
        Assert.Equal(["ratchet-reaper"], threads);
    }

    [Fact]
    public async Task Repeat_DueBeforeThePollWouldWake_RunsOnTimeAndADisposedOneNeverRuns()
    {
        var late = 0;
        using var sleeper = Reaper.Shared!.Repeat(TimeSpan.FromMinutes(10), () => null); // the loop now sleeps 10 minutes
        var disposed = Reaper.Shared.Repeat(TimeSpan.FromMilliseconds(50), () => TimeSpan.FromMilliseconds(Interlocked.Increment(ref late)));
        disposed.Dispose();
        var ran = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        using var soon = Reaper.Shared.Repeat(TimeSpan.FromMilliseconds(20), () =>
        {
            ran.TrySetResult();
            return null;
        });

        await ran.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        await Task.Delay(150, TestContext.Current.CancellationToken);
        Assert.Equal(0, late);
    }

    [Fact]
    public async Task Repeat_WhenACheckThrows_DropsItAndTheThreadStillReapsAndChecks()
    {
        using var failing = Reaper.Shared!.Repeat(TimeSpan.Zero, () => throw new InvalidOperationException("a broken check"));
        await Task.Delay(50, TestContext.Current.CancellationToken);
        var ran = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var working = Reaper.Shared.Repeat(TimeSpan.FromMilliseconds(10), () =>
        {
            ran.TrySetResult();
            return null;
        });

        var status = await Reaper.Shared.Watch(Start("exit 3"))!.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        await ran.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(3, status);
    }

    [Fact]
    public async Task Gone_AProcessThatIsNotAChild_CompletesWhenItExitsAndNotBefore()
    {
        var pid = Orphan("0.4");

        var gone = Reaper.Shared!.Gone([pid], TimeSpan.FromSeconds(30));
        await Task.Delay(150, TestContext.Current.CancellationToken);
        Assert.False(gone.IsCompleted);

        Assert.True(await gone.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        Assert.False(Running(pid));
    }

    [Fact]
    public async Task Gone_NothingListedIsRunning_GivesFalseAtOnce()
    {
        var zombie = Start("exit 0");
        await Task.Delay(200, TestContext.Current.CancellationToken);

        var gone = Reaper.Shared!.Gone([zombie, int.MaxValue], TimeSpan.FromSeconds(30));

        Assert.True(gone.IsCompleted);
        Assert.False(await gone);
        Assert.Equal(0, await Reaper.Shared.Watch(zombie)!.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Gone_PastItsLimit_CompletesWhileTheProcessRunsOn()
    {
        var pid = Orphan("30");
        try
        {
            var waited = await Reaper.Shared!.Gone([pid], TimeSpan.FromMilliseconds(100))
                .WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

            Assert.True(waited);
            Assert.True(Running(pid));
        }
        finally
        {
            Libc.kill(pid, Libc.SIGKILL);
        }
    }

    /// <summary>Alive and not a zombie.</summary>
    private static bool Running(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>A `sleep` whose parent has exited: not this process's child, as a sandbox's pid 1 is not.</summary>
    private static int Orphan(string seconds)
    {
        using var shell = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("/bin/sh", ["-c", $"sleep {seconds} >/dev/null 2>&1 & echo $!"])
        {
            RedirectStandardOutput = true,
        })!;
        var pid = int.Parse(shell.StandardOutput.ReadLine()!, System.Globalization.CultureInfo.InvariantCulture);
        shell.WaitForExit();
        return pid;
    }

    private static int Start(string script) => Spawn.Start(new SpawnRequest(
        ["/bin/sh", "-c", script], [new("PATH", "/usr/bin:/bin")], new Dictionary<int, int>(), CloseFrom: 10, "/"));
}
