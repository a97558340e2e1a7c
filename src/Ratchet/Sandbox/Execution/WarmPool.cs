using Ratchet.Sandbox.Native;

namespace Ratchet.Sandbox.Execution;

/// <summary>Things made ahead of need, by key, on a thread of their own. A key asked for a second time is expected
/// again: from then on every take starts the preparation of a replacement, so the next take finds one ready. A key
/// keeps as many ready as it ever had in use at once (at most <c>maxPerKey</c>; all keys together at most
/// <c>maxTotal</c>).</summary>
/// <remarks>For the sandbox, a slot is a bwrap already spawned, limited and moved into a fresh cgroup, waiting for its
/// options (<see cref="BubblewrapSandbox"/>): what a launch costs before the sandbox itself is built leaves the path of
/// the evaluation that uses it. A slot that is no longer <c>usable</c> when taken is discarded. Taking never waits:
/// with nothing ready the caller makes its own.</remarks>
internal sealed class WarmPool<TKey, TSlot> : IDisposable
    where TKey : notnull
    where TSlot : class
{
    private readonly Func<TKey, TSlot> _prepare;
    private readonly Action<TSlot> _discard;
    private readonly Func<TSlot, bool> _usable;
    private readonly int _maxPerKey;
    private readonly int _maxTotal;
    private readonly WorkQueueThread _thread;
    private readonly bool _ownsThread;
    private readonly Lock _lock = new();
    private readonly Dictionary<TKey, Entry> _entries = new();
    private int _generation;
    private int _held;
    private bool _disposed;

    public WarmPool(string threadName, Func<TKey, TSlot> prepare, Action<TSlot> discard, Func<TSlot, bool> usable, int maxPerKey = 4, int maxTotal = 8)
        : this(new WorkQueueThread(threadName), ownsThread: true, prepare, discard, usable, maxPerKey, maxTotal)
    {
    }

    /// <summary>Prepares on <paramref name="thread"/>, which it stops on <see cref="Dispose"/> only when it owns it.</summary>
    public WarmPool(WorkQueueThread thread, bool ownsThread, Func<TKey, TSlot> prepare, Action<TSlot> discard, Func<TSlot, bool> usable, int maxPerKey = 4, int maxTotal = 8)
    {
        _prepare = prepare;
        _discard = discard;
        _usable = usable;
        _maxPerKey = maxPerKey;
        _maxTotal = maxTotal;
        _thread = thread;
        _ownsThread = ownsThread;
    }

    /// <summary>Slots ready now, all keys together (for tests and diagnostics).</summary>
    public int ReadyCount
    {
        get
        {
            lock (_lock)
            {
                return _entries.Values.Sum(e => e.Ready.Count);
            }
        }
    }

    /// <summary>A ready slot for <paramref name="key"/>, or null; either way the key counts as in use until
    /// <see cref="Done"/>, and replacements are started.</summary>
    public TSlot? Take(TKey key)
    {
        TSlot? taken = null;
        var unusable = new List<TSlot>();
        var toPrepare = 0;
        int generation;
        lock (_lock)
        {
            if (_disposed)
                return null;
            if (!_entries.TryGetValue(key, out var entry))
                _entries[key] = entry = new Entry();
            entry.Asked++;
            entry.InUse++;
            entry.Target = Math.Min(_maxPerKey, Math.Max(entry.Target, entry.InUse));
            while (taken is null && entry.Ready.TryDequeue(out var slot))
            {
                _held--;
                if (_usable(slot))
                    taken = slot;
                else
                    unusable.Add(slot);
            }
            if (entry.Asked >= 2 && !entry.Failed)
            {
                toPrepare = Math.Min(entry.Target - entry.Ready.Count - entry.Preparing, _maxTotal - _held);
                toPrepare = Math.Max(0, toPrepare);
                entry.Preparing += toPrepare;
                _held += toPrepare;
            }
            generation = _generation;
        }
        foreach (var slot in unusable)
            _thread.Enqueue(() => Discard(slot));
        for (var i = 0; i < toPrepare; i++)
            _thread.Enqueue(() => Prepare(key, generation));
        return taken;
    }

    /// <summary>The caller has finished with what it took (or made) for <paramref name="key"/>.</summary>
    public void Done(TKey key)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var entry))
                entry.InUse--;
        }
    }

    /// <summary>Discards every ready slot and any still being prepared; later takes prepare again.</summary>
    public void DropReady()
    {
        foreach (var slot in Drain(disposing: false))
            _thread.Enqueue(() => Discard(slot));
    }

    /// <summary>Discards every ready slot, waits (up to five seconds) for preparations under way to finish and
    /// discard themselves, and prepares nothing more.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
                return;
        }
        foreach (var slot in Drain(disposing: true))
            Discard(slot);
        using var idle = new ManualResetEventSlim();
        _thread.Enqueue(idle.Set);
        idle.Wait(TimeSpan.FromSeconds(5));
        if (_ownsThread)
            _thread.Stop();
    }

    private List<TSlot> Drain(bool disposing)
    {
        var drained = new List<TSlot>();
        lock (_lock)
        {
            _disposed |= disposing;
            _generation++;
            foreach (var entry in _entries.Values)
            {
                drained.AddRange(entry.Ready);
                _held -= entry.Ready.Count;
                entry.Ready.Clear();
            }
        }
        return drained;
    }

    private void Prepare(TKey key, int generation)
    {
        TSlot? slot = null;
        try
        {
            slot = _prepare(key);
        }
        catch (Exception)
        {
            // Catch-all on purpose: this thread must not die. The caller's own launch meets the same problem and
            // reports it; this key is not prepared again.
        }
        bool keep;
        lock (_lock)
        {
            var entry = _entries[key];
            entry.Preparing--;
            entry.Failed |= slot is null;
            keep = slot is not null && !_disposed && generation == _generation;
            if (keep)
                entry.Ready.Enqueue(slot!);
            else
                _held--;
        }
        if (!keep && slot is not null)
            Discard(slot);
    }

    private void Discard(TSlot slot)
    {
        try
        {
            _discard(slot);
        }
        catch (Exception)
        {
            // Left for the stale-state sweep of the next start (see Janitor).
        }
    }

    private sealed class Entry
    {
        public int Asked;
        public int InUse;
        public int Target;
        public int Preparing;
        public bool Failed;
        public readonly Queue<TSlot> Ready = new();
    }
}
