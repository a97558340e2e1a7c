namespace Ratchet.Sandbox.Native;

/// <summary>Starts every sandboxed process from one thread that lives as long as Ratchet.</summary>
/// <remarks>bwrap's <c>--die-with-parent</c> is PR_SET_PDEATHSIG, which fires when the *thread* that forked the
/// child exits. Thread-pool threads retire when idle, which would kill a running sandbox at random.</remarks>
internal sealed class LauncherThread
{
    private readonly WorkQueueThread _thread = new("ratchet-launcher");

    private LauncherThread()
    {
    }

    /// <summary>The process-wide launcher; it never exits, so children never lose their parent thread early.</summary>
    public static LauncherThread Shared { get; } = new();

    /// <summary>The launcher's queue, for work that spawns directly on it (launches made ahead of need): no hand-off
    /// to wait for, and a spawn there needs no <see cref="RunAsync{T}"/>.</summary>
    public WorkQueueThread Queue => _thread;

    /// <summary>True on the launcher thread itself.</summary>
    public bool IsCurrent => _thread.IsCurrent;

    /// <summary>Runs <paramref name="start"/> on the launcher thread and returns its result.</summary>
    public Task<T> RunAsync<T>(Func<T> start)
    {
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _thread.Enqueue(() =>
        {
            try
            {
                completion.SetResult(start());
            }
            catch (Exception exception)
            {
                completion.SetException(exception);
            }
        });
        return completion.Task;
    }
}
