using System.Collections.Concurrent;

namespace Ratchet.Sandbox.Native;

/// <summary>A dedicated thread that runs queued actions in order and sleeps without spinning when idle
/// (BlockingCollection's SemaphoreSlim spins with sched_yield first, which costs real CPU per launch on 2 cores).</summary>
internal sealed class WorkQueueThread
{
    private readonly ConcurrentQueue<Action> _queue = new();
    private readonly AutoResetEvent _signal = new(false);
    private readonly Thread _thread;
    private volatile bool _stopping;

    public WorkQueueThread(string name, ThreadPriority priority = ThreadPriority.Normal)
    {
        _thread = new Thread(Loop) { IsBackground = true, Name = name, Priority = priority };
        _thread.Start();
    }

    /// <summary>True when called from this queue's thread.</summary>
    public bool IsCurrent => Thread.CurrentThread == _thread;

    public void Enqueue(Action action)
    {
        _queue.Enqueue(action);
        _signal.Set();
    }

    /// <summary>Lets the thread end once everything queued so far has run.</summary>
    public void Stop()
    {
        _stopping = true;
        _signal.Set();
    }

    private void Loop()
    {
        while (true)
        {
            // A Set that lands between the last TryDequeue and WaitOne leaves the event signaled: nothing is lost.
            while (_queue.TryDequeue(out var action))
            {
                action();
            }

            if (_stopping)
            {
                return;
            }

            _signal.WaitOne();
        }
    }
}
