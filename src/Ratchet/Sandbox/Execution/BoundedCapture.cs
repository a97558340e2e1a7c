namespace Ratchet.Sandbox.Execution;

/// <summary>What was read from one output stream.</summary>
/// <param name="Overflowed">More than the cap was written; reading stopped at the cap.</param>
internal sealed record CapturedOutput(byte[] Bytes, bool Overflowed);

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
