using System.Collections.Concurrent;

namespace Ratchet.Sandbox.Native;

/// <summary>Starts every sandboxed process from one thread that lives as long as Ratchet.</summary>
/// <remarks>bwrap's <c>--die-with-parent</c> is PR_SET_PDEATHSIG, which fires when the *thread* that forked the
/// child exits. Thread-pool threads retire when idle, which would kill a running sandbox at random.</remarks>
internal sealed class LauncherThread
{
    private readonly BlockingCollection<Action> _work = new();

    private LauncherThread()
    {
        var thread = new Thread(Loop) { IsBackground = true, Name = "ratchet-sandbox-launcher" };
        thread.Start();
    }

    /// <summary>The process-wide launcher; it never exits, so children never lose their parent thread early.</summary>
    public static LauncherThread Shared { get; } = new();

    /// <summary>Runs <paramref name="start"/> on the launcher thread and returns its result.</summary>
    public Task<T> RunAsync<T>(Func<T> start)
    {
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Add(() =>
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

    private void Loop()
    {
        foreach (var item in _work.GetConsumingEnumerable())
        {
            item();
        }
    }
}
