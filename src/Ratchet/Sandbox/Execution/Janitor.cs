using Ratchet.Sandbox.Native;

namespace Ratchet.Sandbox.Execution;

/// <summary>Does cleanup off the caller's path: unmounting a stage (which waits for an RCU grace period) and
/// removing a cgroup once bwrap's pid 1 has finished dying take milliseconds nobody needs to wait for.</summary>
internal sealed class Janitor
{
    private readonly WorkQueueThread _thread = new("ratchet-janitor", ThreadPriority.BelowNormal);
    private int _pending;

    private Janitor()
    {
    }

    public static Janitor Shared { get; } = new();

    public void Enqueue(Action cleanup)
    {
        Interlocked.Increment(ref _pending);
        _thread.Enqueue(() => Run(cleanup));
    }

    /// <summary>Waits until every queued cleanup has run; false on time-out.</summary>
    public bool WaitIdle(TimeSpan timeout)
    {
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        while (Volatile.Read(ref _pending) > 0)
        {
            if (Environment.TickCount64 > deadline)
            {
                return false;
            }

            Thread.Sleep(1);
        }

        return true;
    }

    private void Run(Action cleanup)
    {
        try
        {
            cleanup();
        }
        catch (Exception)
        {
            // Left for the stale-state sweep of the next start. Catch-all on purpose: an exception escaping
            // this thread would end the whole process over a cleanup.
        }
        finally
        {
            Interlocked.Decrement(ref _pending);
        }
    }
}
