using Ratchet.Ledger;

namespace Ratchet.Tests.Ledger;

public sealed class LedgerHasherTests
{
    private static readonly byte[] Key = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();

    [Fact]
    public void Hash_IsDeterministic_AndHex64()
    {
        var hasher = new LedgerHasher(Key);
        var a = hasher.Hash(1, "2026-01-01T00:00:00.000Z", "run-started", "{}", LedgerHasher.GenesisHash);
        var b = new LedgerHasher(Key).Hash(1, "2026-01-01T00:00:00.000Z", "run-started", "{}", LedgerHasher.GenesisHash);
        Assert.Equal(a, b);
        Assert.Matches("^[0-9a-f]{64}$", a);
    }

    [Theory]
    [InlineData(2, "2026-01-01T00:00:00.000Z", "run-started", "{}")]
    [InlineData(1, "2026-01-01T00:00:00.001Z", "run-started", "{}")]
    [InlineData(1, "2026-01-01T00:00:00.000Z", "run-finished", "{}")]
    [InlineData(1, "2026-01-01T00:00:00.000Z", "run-started", "{\"a\":1}")]
    public void Hash_ChangesWhenAnyFieldChanges(long seq, string time, string type, string payload)
    {
        var hasher = new LedgerHasher(Key);
        var original = hasher.Hash(1, "2026-01-01T00:00:00.000Z", "run-started", "{}", LedgerHasher.GenesisHash);
        Assert.NotEqual(original, hasher.Hash(seq, time, type, payload, LedgerHasher.GenesisHash));
    }

    [Fact]
    public void Hash_FieldBoundariesCannotBeShifted()
    {
        // Without length prefixes "ab"+"c" and "a"+"bc" would hash alike.
        var hasher = new LedgerHasher(Key);
        Assert.NotEqual(
            hasher.Hash(1, "t", "ab", "c", LedgerHasher.GenesisHash),
            hasher.Hash(1, "t", "a", "bc", LedgerHasher.GenesisHash));
    }

    [Fact]
    public void Hash_DependsOnTheKey()
    {
        var other = (byte[])Key.Clone();
        other[0] ^= 1;
        Assert.NotEqual(
            new LedgerHasher(Key).Hash(1, "t", "x", "{}", LedgerHasher.GenesisHash),
            new LedgerHasher(other).Hash(1, "t", "x", "{}", LedgerHasher.GenesisHash));
    }
}
