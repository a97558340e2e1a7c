namespace Ratchet.Sandbox.Execution;

/// <summary>What was read from one output stream.</summary>
/// <param name="Overflowed">More than the cap was written; reading stopped at the cap.</param>
internal sealed record CapturedOutput(byte[] Bytes, bool Overflowed);

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

/// <summary>The cap's arithmetic, shared by every capture: what of a chunk is kept, and whether the cap is passed.</summary>
internal sealed class CaptureBuffer(long cap)
{
    private readonly MemoryStream _kept = new();
    private long _total;

    /// <summary>Keeps what of <paramref name="chunk"/> fits under the cap; true once more than the cap was written.</summary>
    public bool Take(ReadOnlySpan<byte> chunk)
    {
        _kept.Write(chunk[..(int)Math.Min(chunk.Length, Math.Max(0, cap - _total))]);
        _total += chunk.Length;
        return _total > cap;
    }

    public CapturedOutput Result(bool overflowed) => new(_kept.ToArray(), overflowed);
}

/// <summary>Reads a child's stdout or stderr up to a cap, and stops reading (leaving the writer blocked) past it.</summary>
internal static class BoundedCapture
{
    /// <param name="onOverflow">Called once when the cap is passed, so the caller can kill the tree at once.</param>
    public static async Task<CapturedOutput> ReadAsync(Stream stream, long cap, Action onOverflow, CancellationToken cancellationToken)
    {
        var kept = new CaptureBuffer(cap);
        var chunk = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return kept.Result(false);
                }

                if (kept.Take(chunk.AsSpan(0, read)))
                {
                    onOverflow();
                    return kept.Result(true);
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The tree is dead and something kept the pipe open (or it was closed under us): keep what we have.
            return kept.Result(false);
        }
    }
}
