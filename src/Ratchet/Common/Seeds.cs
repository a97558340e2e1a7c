using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Ratchet.Common;

/// <summary>Derives independent, reproducible seeds from a run seed (SHA-256 of the parts).</summary>
public static class Seeds
{
    public static ulong Derive(ulong seed, string purpose, ulong index)
    {
        Span<byte> buffer = stackalloc byte[16 + 64];
        BinaryPrimitives.WriteUInt64LittleEndian(buffer, seed);
        BinaryPrimitives.WriteUInt64LittleEndian(buffer[8..], index);
        var length = Encoding.UTF8.GetBytes(purpose.AsSpan(0, Math.Min(purpose.Length, 64)), buffer[16..]);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(buffer[..(16 + length)], hash);
        return BinaryPrimitives.ReadUInt64LittleEndian(hash) & long.MaxValue;
    }

    /// <summary>A <see cref="Random"/> seeded from <paramref name="seed"/>.</summary>
    public static Random Random(ulong seed) => new((int)(seed ^ (seed >> 32)) & int.MaxValue);
}
