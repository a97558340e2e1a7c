using System.Collections.Concurrent;
using System.Security.Cryptography;
using Ratchet.Common;

namespace Ratchet.Tasks;

/// <summary>SHA-256 of files, remembered by (device, inode, size, mtime, ctime) so re-checking a large unchanged
/// folder reads no file content.
/// <para>Assumption: any write to a file changes its ctime, and usually its mtime and size, at the kernel's
/// timestamp granularity; ctime cannot be set back by a user, only by changing the system clock (root). A write
/// landing within the same timestamp tick as the hashing could go unseen, so a hash is trusted only for files whose
/// mtime and ctime were at least <see cref="Settle"/> old when hashing began; younger files are re-read each time.
/// Without <c>statx</c> (not Linux) nothing is cached.</para></summary>
public sealed class FileHashCache(TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _filesHashed;
    private long _bytesHashed;

    /// <summary>How old a file's last change must be before its hash is reused (default 2 s, above the coarsest
    /// timestamp granularity of common file systems).</summary>
    public TimeSpan Settle { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Files whose content was read so far (a cache hit reads nothing).</summary>
    public long FilesHashed => Interlocked.Read(ref _filesHashed);

    /// <summary>Bytes of content read so far.</summary>
    public long BytesHashed => Interlocked.Read(ref _bytesHashed);

    /// <summary>SHA-256 (lowercase hex) and size of the regular file at <paramref name="fullPath"/>.</summary>
    public (string Sha256, long Size) Hash(string fullPath)
    {
        var stamped = UnixFiles.TryStat(fullPath, out var before);
        if (stamped && _entries.TryGetValue(fullPath, out var known) && known.Trusted && known.Stamp == before)
            return (known.Sha256, known.Size);

        var started = _time.GetUtcNow();
        var (sha, size) = Read(fullPath);
        if (stamped && UnixFiles.TryStat(fullPath, out var after) && after == before && size == before.Size)
        {
            var settledBefore = (started - Settle).ToUnixTimeMilliseconds() * 1_000_000L;
            var trusted = before.MtimeNs < settledBefore && before.CtimeNs < settledBefore;
            _entries[fullPath] = new Entry(before, sha, size, trusted);
        }
        else
        {
            _entries.TryRemove(fullPath, out _);
        }
        return (sha, size);
    }

    private (string, long) Read(string fullPath)
    {
        using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, FileOptions.SequentialScan);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        long size = 0;
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            size += read;
        }
        Interlocked.Increment(ref _filesHashed);
        Interlocked.Add(ref _bytesHashed, size);
        return (Convert.ToHexStringLower(hash.GetHashAndReset()), size);
    }

    private sealed record Entry(FileStamp Stamp, string Sha256, long Size, bool Trusted);
}
