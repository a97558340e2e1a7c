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

    private static int Start(string script) => Spawn.Start(new SpawnRequest(
        ["/bin/sh", "-c", script], [new("PATH", "/usr/bin:/bin")], new Dictionary<int, int>(), CloseFrom: 10, "/"));
}
