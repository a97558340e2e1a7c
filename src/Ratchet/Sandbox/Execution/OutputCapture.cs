namespace Ratchet.Sandbox.Execution;

/// <summary>A tree's stdout and stderr being read, each up to a cap. Reading stops at the cap (the writer is left
/// blocked, and the caller's overflow action kills the tree) or at end-of-file, when the last holder of the pipe is
/// gone.</summary>
internal abstract class OutputCapture : IDisposable
{
    public abstract Task<CapturedOutput> Stdout { get; }

    public abstract Task<CapturedOutput> Stderr { get; }

    /// <summary>Stops waiting for end-of-file <paramref name="delay"/> from now: the tree is dead and something kept a
    /// pipe open. What was read by then is the output.</summary>
    public abstract void GiveUpAfter(TimeSpan delay);

    /// <summary>Stops reading what is still open; the outputs complete with what was read.</summary>
    public abstract void Dispose();
}

/// <summary>Reads two streams with the runtime's asynchronous I/O: for launchers the reaper does not serve.</summary>
internal sealed class StreamCapture : OutputCapture
{
    private readonly CancellationTokenSource _stop = new();

    public StreamCapture(Stream stdout, Stream stderr, long cap, Action onOverflow)
    {
        Stdout = BoundedCapture.ReadAsync(stdout, cap, onOverflow, _stop.Token);
        Stderr = BoundedCapture.ReadAsync(stderr, cap, onOverflow, _stop.Token);
    }

    public override Task<CapturedOutput> Stdout { get; }

    public override Task<CapturedOutput> Stderr { get; }

    public override void GiveUpAfter(TimeSpan delay) => _stop.CancelAfter(delay);

    public override void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }
}
