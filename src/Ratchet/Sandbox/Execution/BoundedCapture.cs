namespace Ratchet.Sandbox.Execution;

/// <summary>What was read from one output stream.</summary>
/// <param name="Overflowed">More than the cap was written; reading stopped at the cap.</param>
internal sealed record CapturedOutput(byte[] Bytes, bool Overflowed);

/// <summary>Reads a child's stdout or stderr up to a cap, and stops reading (leaving the writer blocked) past it.</summary>
internal static class BoundedCapture
{
    /// <param name="onOverflow">Called once when the cap is passed, so the caller can kill the tree at once.</param>
    public static async Task<CapturedOutput> ReadAsync(Stream stream, long cap, Action onOverflow, CancellationToken cancellationToken)
    {
        var kept = new MemoryStream();
        var chunk = new byte[64 * 1024];
        long total = 0;
        try
        {
            while (true)
            {
                var read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return new CapturedOutput(kept.ToArray(), false);
                }

                kept.Write(chunk, 0, (int)Math.Min(read, Math.Max(0, cap - total)));
                total += read;
                if (total > cap)
                {
                    onOverflow();
                    return new CapturedOutput(kept.ToArray(), true);
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The tree is dead and something kept the pipe open (or it was closed under us): keep what we have.
            return new CapturedOutput(kept.ToArray(), false);
        }
    }
}
