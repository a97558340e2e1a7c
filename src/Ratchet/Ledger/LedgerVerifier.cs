namespace Ratchet.Ledger;

/// <summary>The verdict of <see cref="LedgerVerifier"/>: intact, or the first bad sequence number and why.</summary>
public sealed record VerifyResult(bool Intact, long Count, long? FirstBadSeq, string? Reason, string? HeadHash);

/// <summary>Checks a ledger: consecutive sequence numbers from 1, each entry's HMAC, each link to the previous hash,
/// and that the recorded head is still present (so truncation and reordering are caught).</summary>
public sealed class LedgerVerifier(byte[] key)
{
    public VerifyResult Verify(IEnumerable<LedgerEntry> entries, (long Seq, string Hash)? head)
    {
        using var hasher = new LedgerHasher(key);
        var expectedSeq = 1L;
        var prev = LedgerHasher.GenesisHash;
        string? headSeen = null;
        foreach (var entry in entries)
        {
            if (entry.Seq != expectedSeq)
            {
                var why = entry.Seq > expectedSeq
                    ? $"entries {expectedSeq}..{entry.Seq - 1} are missing (deleted)"
                    : $"entry {entry.Seq} appears after {expectedSeq - 1} (reordered or duplicated)";
                return new VerifyResult(false, expectedSeq - 1, expectedSeq, why, null);
            }
            if (!string.Equals(entry.PrevHash, prev, StringComparison.Ordinal))
                return new VerifyResult(false, expectedSeq - 1, entry.Seq, "its previous-hash does not match the entry before it (reordered or replaced)", null);
            var hash = hasher.Hash(entry.Seq, entry.Time, entry.Type, entry.Payload, entry.PrevHash);
            if (!string.Equals(hash, entry.Hash, StringComparison.Ordinal))
                return new VerifyResult(false, expectedSeq - 1, entry.Seq, "its content does not match its HMAC (edited)", null);
            if (head is { } h && h.Seq == entry.Seq)
            {
                if (!string.Equals(h.Hash, entry.Hash, StringComparison.Ordinal))
                    return new VerifyResult(false, expectedSeq - 1, entry.Seq, "it differs from the head recorded outside the database (history rewritten)", null);
                headSeen = entry.Hash;
            }
            prev = entry.Hash;
            expectedSeq++;
        }
        var count = expectedSeq - 1;
        if (head is { } recorded && recorded.Seq > count)
            return new VerifyResult(false, count, count + 1,
                $"the ledger ends at {count} but {recorded.Seq} entries were recorded outside the database (tail truncated)", null);
        if (head is null && count > 0)
            return new VerifyResult(false, count, 1, "no head is recorded outside the database for this store (store swapped or head file deleted)", null);
        return new VerifyResult(true, count, null, null, headSeen ?? (count == 0 ? null : prev));
    }
}
