using System.Collections.Concurrent;
using Ratchet.Sandbox.Execution;

namespace Ratchet.Tests.Sandbox.Execution;

public sealed class WarmPoolTests
{
    [Fact]
    public void Take_WhenAKeyIsAskedForTheFirstTime_PreparesNothing()
    {
        using var fake = new Fakes();
        using var pool = fake.Pool();

        Assert.Null(pool.Take("run"));
        pool.Done("run");

        Assert.False(SpinWait.SpinUntil(() => fake.Prepared.Count > 0, 200));
    }

    [Fact]
    public void Take_WhenAKeyIsAskedAgain_PreparesOneThatTheNextTakeGets()
    {
        using var fake = new Fakes();
        using var pool = fake.Pool();
        AskTwiceAndWait(pool, "run");
        var warm = pool.Take("run");

        Assert.NotNull(warm);
        Assert.Equal("run", warm.Key);
        Assert.Null(pool.Take("score"));
    }

    [Fact]
    public void Take_WhenTheReadySlotIsNoLongerUsable_DiscardsItAndReturnsNone()
    {
        using var fake = new Fakes();
        using var pool = fake.Pool();
        AskTwiceAndWait(pool, "run");
        fake.Prepared.Single().Dead = true;

        Assert.Null(pool.Take("run"));
        Assert.True(SpinWait.SpinUntil(() => fake.Discarded.Count == 1, 2000));
        Assert.Same(fake.Prepared.First(), fake.Discarded.Single());
    }

    [Fact]
    public void Take_WhenTwoAreInUseAtOnce_KeepsTwoReady()
    {
        using var fake = new Fakes();
        using var pool = fake.Pool();
        pool.Take("run");
        pool.Done("run");

        pool.Take("run");
        pool.Take("run");
        pool.Done("run");
        pool.Done("run");

        WaitReady(pool, 2);
        Assert.False(SpinWait.SpinUntil(() => pool.ReadyCount > 2, 200));
    }

    [Fact]
    public void Take_WhenManyAreInUseAtOnce_KeepsNoMoreThanTheCapPerKey()
    {
        using var fake = new Fakes();
        using var pool = fake.Pool(maxPerKey: 2);
        for (var i = 0; i < 5; i++)
            pool.Take("run");

        WaitReady(pool, 2);
        Assert.False(SpinWait.SpinUntil(() => pool.ReadyCount > 2, 200));
    }

    [Fact]
    public void DropReady_WhenSlotsAreReadyOrBeingPrepared_DiscardsAllOfThem()
    {
        using var fake = new Fakes();
        using var pool = fake.Pool();
        AskTwiceAndWait(pool, "run");
        fake.Gate.Reset();
        pool.Take("score");
        pool.Done("score");
        pool.Take("score");
        pool.Done("score");

        pool.DropReady();
        fake.Gate.Set();

        Assert.True(SpinWait.SpinUntil(() => fake.Discarded.Count == 2, 2000), $"discarded {fake.Discarded.Count}");
        Assert.Equal(0, pool.ReadyCount);
        Assert.Null(pool.Take("run"));
    }

    [Fact]
    public void Dispose_WhenSlotsAreReady_DiscardsThemBeforeReturningAndPreparesNoMore()
    {
        var fake = new Fakes();
        var pool = fake.Pool();
        AskTwiceAndWait(pool, "run");

        pool.Dispose();

        Assert.Single(fake.Discarded);
        Assert.Null(pool.Take("run"));
        Assert.Single(fake.Prepared);
        fake.Dispose();
    }

    [Fact]
    public void Take_WhenPreparingAKeyFailed_DoesNotTryThatKeyAgain()
    {
        using var fake = new Fakes { Fail = true };
        using var pool = fake.Pool();
        pool.Take("run");
        pool.Done("run");
        pool.Take("run");
        pool.Done("run");
        Assert.True(SpinWait.SpinUntil(() => fake.Attempts == 1, 2000));

        pool.Take("run");
        pool.Done("run");

        Assert.False(SpinWait.SpinUntil(() => fake.Attempts > 1, 200));
        Assert.Null(pool.Take("run"));
    }

    [Fact]
    public void Dispose_OnASharedThread_DiscardsWhatIsReadyAndLeavesTheThreadRunning()
    {
        using var fake = new Fakes();
        var shared = new Ratchet.Sandbox.Native.WorkQueueThread("warm-pool-shared-test");
        var pool = new WarmPool<string, Slot>(shared, ownsThread: false, fake.PrepareSlot, fake.Discarded.Enqueue, slot => !slot.Dead);
        AskTwiceAndWait(pool, "run");

        pool.Dispose();

        Assert.Single(fake.Discarded);
        using var ran = new ManualResetEventSlim();
        shared.Enqueue(ran.Set);
        Assert.True(ran.Wait(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken), "the shared thread stopped with the pool");
        shared.Stop();
    }

    /// <summary>Asks for <paramref name="key"/> twice (the second time starts a preparation) and waits until one is ready.</summary>
    private static void AskTwiceAndWait(WarmPool<string, Slot> pool, string key)
    {
        for (var i = 0; i < 2; i++)
        {
            Assert.Null(pool.Take(key));
            pool.Done(key);
        }
        WaitReady(pool, 1);
    }

    private static void WaitReady(WarmPool<string, Slot> pool, int count) =>
        Assert.True(SpinWait.SpinUntil(() => pool.ReadyCount >= count, 5000), $"only {pool.ReadyCount} ready");

    private sealed class Slot(string key)
    {
        public string Key { get; } = key;

        public bool Dead { get; set; }
    }

    private sealed class Fakes : IDisposable
    {
        private int _attempts;

        public ConcurrentQueue<Slot> Prepared { get; } = new();

        public ConcurrentQueue<Slot> Discarded { get; } = new();

        /// <summary>Preparations wait while this is reset.</summary>
        public ManualResetEventSlim Gate { get; } = new(initialState: true);

        public bool Fail { get; init; }

        public int Attempts => Volatile.Read(ref _attempts);

        public WarmPool<string, Slot> Pool(int maxPerKey = 4) =>
            new("warm-pool-test", Prepare, Discarded.Enqueue, slot => !slot.Dead, maxPerKey);

        public void Dispose() => Gate.Dispose();

        public Slot PrepareSlot(string key) => Prepare(key);

        private Slot Prepare(string key)
        {
            Interlocked.Increment(ref _attempts);
            Gate.Wait(TimeSpan.FromSeconds(10));
            if (Fail)
                throw new IOException("no cgroup here");
            var slot = new Slot(key);
            Prepared.Enqueue(slot);
            return slot;
        }
    }
}
