using Ratchet.Ledger;

namespace Ratchet.Tests.Ledger;

public sealed class LedgerVerifierTests
{
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    private static List<LedgerEntry> Chain(int count)
    {
        var hasher = new LedgerHasher(Key);
        var entries = new List<LedgerEntry>();
        var prev = LedgerHasher.GenesisHash;
        for (var seq = 1; seq <= count; seq++)
        {
            var entry = hasher.Seal(seq, $"2026-01-01T00:00:{seq:00}.000Z", "evaluation", $"{{\"n\":{seq}}}", prev);
            entries.Add(entry);
            prev = entry.Hash;
        }
        return entries;
    }

    private static (long, string) HeadOf(List<LedgerEntry> entries) => (entries[^1].Seq, entries[^1].Hash);

    [Fact]
    public void Verify_IntactChainWithHead_IsIntact()
    {
        var chain = Chain(10);
        var result = new LedgerVerifier(Key).Verify(chain, HeadOf(chain));
        Assert.True(result.Intact);
        Assert.Equal(10, result.Count);
        Assert.Null(result.FirstBadSeq);
    }

    [Fact]
    public void Verify_EditedPayload_NamesTheEditedEntry()
    {
        var chain = Chain(10);
        var head = HeadOf(chain);
        chain[4] = chain[4] with { Payload = "{\"n\":999}" };
        var result = new LedgerVerifier(Key).Verify(chain, head);
        Assert.False(result.Intact);
        Assert.Equal(5, result.FirstBadSeq);
        Assert.Contains("edited", result.Reason);
    }

    [Fact]
    public void Verify_EditedAndRehashedWithoutKey_IsCaughtAtTheNextLink()
    {
        var chain = Chain(10);
        var head = HeadOf(chain);
        var forger = new LedgerHasher(new byte[32]);
        chain[4] = forger.Seal(5, chain[4].Time, chain[4].Type, "{\"n\":999}", chain[4].PrevHash);
        var result = new LedgerVerifier(Key).Verify(chain, head);
        Assert.False(result.Intact);
        Assert.Equal(5, result.FirstBadSeq);
    }

    [Fact]
    public void Verify_DeletedEntry_NamesTheGap()
    {
        var chain = Chain(10);
        var head = HeadOf(chain);
        chain.RemoveAt(6);
        var result = new LedgerVerifier(Key).Verify(chain, head);
        Assert.False(result.Intact);
        Assert.Equal(7, result.FirstBadSeq);
        Assert.Contains("missing", result.Reason);
    }

    [Fact]
    public void Verify_ReorderedEntries_AreCaught()
    {
        var chain = Chain(10);
        var head = HeadOf(chain);
        (chain[2], chain[3]) = (chain[3] with { Seq = 3 }, chain[2] with { Seq = 4 });
        var result = new LedgerVerifier(Key).Verify(chain, head);
        Assert.False(result.Intact);
        Assert.Equal(3, result.FirstBadSeq);
    }

    [Fact]
    public void Verify_TruncatedTail_IsCaughtByTheHeadOutsideTheDatabase()
    {
        var chain = Chain(10);
        var head = HeadOf(chain);
        chain.RemoveRange(7, 3);
        var result = new LedgerVerifier(Key).Verify(chain, head);
        Assert.False(result.Intact);
        Assert.Equal(8, result.FirstBadSeq);
        Assert.Contains("truncated", result.Reason);
    }

    [Fact]
    public void Verify_HeadLaggingBehindTheDatabase_IsIntact()
    {
        // A crash between commit and head write leaves the head one step behind: not tampering.
        var chain = Chain(10);
        var result = new LedgerVerifier(Key).Verify(chain, (9, chain[8].Hash));
        Assert.True(result.Intact);
    }

    [Fact]
    public void Verify_MissingHead_WithEvents_IsNotIntact()
    {
        var result = new LedgerVerifier(Key).Verify(Chain(3), null);
        Assert.False(result.Intact);
        Assert.Contains("no head", result.Reason);
    }

    [Fact]
    public void Verify_WrongKey_FailsAtTheFirstEntry()
    {
        var chain = Chain(3);
        var other = (byte[])Key.Clone();
        other[5] ^= 0xff;
        var result = new LedgerVerifier(other).Verify(chain, HeadOf(chain));
        Assert.False(result.Intact);
        Assert.Equal(1, result.FirstBadSeq);
    }

    // Long chains: the HMACs are checked in batches off the reading thread; the verdict must still be the first
    // failure by sequence number, whatever batch it sits in and whichever check finds it.
    private static readonly int Long = LedgerVerifier.BatchSize * 6 + 17;

    [Fact]
    public void Verify_LongIntactChain_CountsEveryEntryAndReturnsTheHead()
    {
        var chain = Chain(Long);
        var result = new LedgerVerifier(Key).Verify(chain, HeadOf(chain));
        Assert.True(result.Intact);
        Assert.Equal(Long, result.Count);
        Assert.Equal(chain[^1].Hash, result.HeadHash);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1024)]
    [InlineData(1025)]
    [InlineData(4097)]
    public void Verify_LongChain_EditedEntryInAnyBatch_IsNamed(int seq)
    {
        var chain = Chain(Long);
        var head = HeadOf(chain);
        chain[seq - 1] = chain[seq - 1] with { Payload = "{\"n\":-1}" };
        var result = new LedgerVerifier(Key).Verify(chain, head);
        Assert.False(result.Intact);
        Assert.Equal(seq, result.FirstBadSeq);
        Assert.Equal(seq - 1, result.Count);
        Assert.Contains("edited", result.Reason);
    }

    [Theory]
    [InlineData(2000, 2100, 2001, "edited")] // the gap is read while the edited entry's batch may still be hashing
    [InlineData(5000, 3000, 3001, "missing")]
    public void Verify_EditAndGapInDifferentBatches_ReportsTheEarlierOne(int editedIndex, int removedIndex, int expectedSeq, string reason)
    {
        var chain = Chain(Long);
        var head = HeadOf(chain);
        chain[editedIndex] = chain[editedIndex] with { Type = "promotion" };
        chain.RemoveAt(removedIndex);
        var result = new LedgerVerifier(Key).Verify(chain, head);
        Assert.Equal(expectedSeq, result.FirstBadSeq);
        Assert.Contains(reason, result.Reason);
    }

    [Fact]
    public void Verify_EditedEntryThatIsAlsoTheRecordedHead_IsReportedAsEdited()
    {
        // One entry, two findings: its HMAC is checked before its agreement with the head outside the database.
        var chain = Chain(Long);
        var head = (Seq: 3000L, Hash: new string('a', 64));
        chain[2999] = chain[2999] with { Time = "2026-01-01T00:00:00.001Z" };
        var result = new LedgerVerifier(Key).Verify(chain, head);
        Assert.Equal(3000, result.FirstBadSeq);
        Assert.Contains("edited", result.Reason);
    }

    [Fact]
    public void Verify_HeadDisagreeingWithAnIntactEntry_ReportsTheRewrittenHistory()
    {
        var chain = Chain(Long);
        var result = new LedgerVerifier(Key).Verify(chain, (3000, new string('a', 64)));
        Assert.Equal(3000, result.FirstBadSeq);
        Assert.Contains("history rewritten", result.Reason);
    }
}
