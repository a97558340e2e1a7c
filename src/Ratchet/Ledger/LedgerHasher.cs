using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Ratchet.Ledger;

/// <summary>Computes entry hashes: HMAC-SHA-256 over length-prefixed fields, so no two entries share an encoding.</summary>
public sealed class LedgerHasher(byte[] key) : IDisposable
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    // One keyed instance: the key schedule is computed once, not per entry (verification hashes hundreds of thousands).
    private readonly HMACSHA256 _hmac = new(key);

    private byte[] _buffer = new byte[1024];

    public string Hash(long seq, string time, string type, string payload, string prevHash)
    {
        var needed = 8 + 12 + Encoding.UTF8.GetMaxByteCount(time.Length + type.Length + payload.Length) + 32;
        if (_buffer.Length < needed)
            _buffer = new byte[Math.Max(needed, _buffer.Length * 2)];
        var span = _buffer.AsSpan();
        BinaryPrimitives.WriteInt64BigEndian(span, seq);
        var at = 8;
        at += WriteField(span[at..], time);
        at += WriteField(span[at..], type);
        at += WriteField(span[at..], payload);
        var status = Convert.FromHexString(prevHash, span.Slice(at, 32), out _, out var written);
        if (status != System.Buffers.OperationStatus.Done || written != 32 || prevHash.Length != 64)
            return "invalid-previous-hash";
        at += 32;
        Span<byte> mac = stackalloc byte[32];
        _hmac.TryComputeHash(span[..at], mac, out _);
        return Convert.ToHexStringLower(mac);
    }

    public LedgerEntry Seal(long seq, string time, string type, string payload, string prevHash) =>
        new(seq, time, type, payload, prevHash, Hash(seq, time, type, payload, prevHash));

    private static int WriteField(Span<byte> target, string value)
    {
        var length = Encoding.UTF8.GetBytes(value, target[4..]);
        BinaryPrimitives.WriteInt32BigEndian(target, length);
        return 4 + length;
    }

    public void Dispose() => _hmac.Dispose();
}
