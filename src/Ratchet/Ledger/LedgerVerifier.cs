namespace Ratchet.Ledger;

/// <summary>The verdict of <see cref="LedgerVerifier"/>: intact, or the first bad sequence number and why.</summary>
public sealed record VerifyResult(bool Intact, long Count, long? FirstBadSeq, string? Reason, string? HeadHash);

/// <summary>Checks a ledger: consecutive sequence numbers from 1, each entry's HMAC, each link to the previous hash,
/// and that the recorded head is still present (so truncation and reordering are caught).</summary>
/// <remarks>The entries are read in order on the calling thread, which checks the links; their HMACs, which need
/// nothing but the entry itself, are computed in batches on the thread pool meanwhile (reading and hashing each take
/// about half of a verification). The verdict is the same as checking one entry after another: the first failure by
/// sequence number, and for one entry its numbering and link before its HMAC, its HMAC before the head.</remarks>
public sealed class LedgerVerifier(byte[] key)
{
    private const string Edited = "its content does not match its HMAC (edited)";

    /// <summary>Entries per hashing batch: large enough that a batch's task and HMAC instance cost nothing per entry.</summary>
    internal const int BatchSize = 1024;

    /// <summary>Batches hashed or waiting at once: bounds memory while the reader runs ahead.</summary>
    private const int MaxPending = 4;

    public VerifyResult Verify(IEnumerable<LedgerEntry> entries, (long Seq, string Hash)? head)
    {
        var pending = new Queue<Task<LedgerEntry?>>();
        var batch = new List<LedgerEntry>(BatchSize);
        var expectedSeq = 1L;
        var prev = LedgerHasher.GenesisHash;
        string? headSeen = null;
        VerifyResult? linkFailure = null;
        try
        {
            foreach (var entry in entries)
            {
                if (entry.Seq != expectedSeq)
                {
                    var why = entry.Seq > expectedSeq
                        ? $"entries {expectedSeq}..{entry.Seq - 1} are missing (deleted)"
                        : $"entry {entry.Seq} appears after {expectedSeq - 1} (reordered or duplicated)";
                    linkFailure = new VerifyResult(false, expectedSeq - 1, expectedSeq, why, null);
                    break;
                }
                if (!string.Equals(entry.PrevHash, prev, StringComparison.Ordinal))
                {
                    linkFailure = new VerifyResult(false, expectedSeq - 1, entry.Seq, "its previous-hash does not match the entry before it (reordered or replaced)", null);
                    break;
                }
                batch.Add(entry);
                if (head is { } h && h.Seq == entry.Seq)
                {
                    if (!string.Equals(h.Hash, entry.Hash, StringComparison.Ordinal))
                    {
                        // Its own HMAC comes first: an edited entry is reported as edited.
                        linkFailure = new VerifyResult(false, expectedSeq - 1, entry.Seq, "it differs from the head recorded outside the database (history rewritten)", null);
                        break;
                    }
                    headSeen = entry.Hash;
                }
                prev = entry.Hash;
                expectedSeq++;
                if (batch.Count == BatchSize)
                {
                    Start(pending, batch);
                    batch = new List<LedgerEntry>(BatchSize);
                    // Too many in flight: wait for the oldest; an edit there precedes anything still being read.
                    if (pending.Count > MaxPending && pending.Dequeue().GetAwaiter().GetResult() is { } edited)
                        return HashFailure(edited);
                }
            }
            if (batch.Count > 0)
                Start(pending, batch);
            while (pending.TryDequeue(out var task))
            {
                if (task.GetAwaiter().GetResult() is { } edited)
                    return HashFailure(edited);
            }
        }
        finally
        {
            // A failure found while batches were still hashing: let them finish before the caller goes on.
            foreach (var task in pending)
            {
                try
                {
                    task.Wait();
                }
                catch (AggregateException)
                {
                    // The verdict (or the exception on its way out) is already decided by an earlier entry.
                }
            }
        }
        if (linkFailure is not null)
            return linkFailure;
        var count = expectedSeq - 1;
        if (head is { } recorded && recorded.Seq > count)
            return new VerifyResult(false, count, count + 1,
                $"the ledger ends at {count} but {recorded.Seq} entries were recorded outside the database (tail truncated)", null);
        if (head is null && count > 0)
            return new VerifyResult(false, count, 1, "no head is recorded outside the database for this store (store swapped or head file deleted)", null);
        return new VerifyResult(true, count, null, null, headSeen ?? (count == 0 ? null : prev));
    }

    private static VerifyResult HashFailure(LedgerEntry entry) => new(false, entry.Seq - 1, entry.Seq, Edited, null);

    private void Start(Queue<Task<LedgerEntry?>> pending, List<LedgerEntry> items) =>
        pending.Enqueue(Task.Run(() => FirstEdited(items)));

    private LedgerEntry? FirstEdited(List<LedgerEntry> items)
    {
        using var hasher = new LedgerHasher(key);
        foreach (var entry in items)
        {
            var hash = hasher.Hash(entry.Seq, entry.Time, entry.Type, entry.Payload, entry.PrevHash);
            if (!string.Equals(hash, entry.Hash, StringComparison.Ordinal))
                return entry;
        }
        return null;
    }
}
