using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;

namespace Ratchet.Tasks;

/// <summary>The content of a candidate's program files, addressed by a SHA-256 over paths and contents.</summary>
public sealed class ProgramSnapshot : IEquatable<ProgramSnapshot>
{
    private string? _id;

    public ProgramSnapshot(IEnumerable<KeyValuePair<string, string>> files) =>
        Files = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, files);

    /// <summary>Program files by task-relative path, ordered by ordinal path.</summary>
    public ImmutableSortedDictionary<string, string> Files { get; }

    /// <summary>Full lowercase hex SHA-256 of the canonical encoding (never truncated: it is the dedup key).</summary>
    public string Id => _id ??= ComputeId(Files);

    /// <summary>Total bytes of all files (UTF-8).</summary>
    public long Length => Files.Values.Sum(v => (long)Encoding.UTF8.GetByteCount(v));

    public ProgramSnapshot With(string path, string content) => new(Files.SetItem(path, content));

    /// <summary>Reads the task's current program files from disk.</summary>
    public static ProgramSnapshot Read(TaskSpec task) =>
        new(task.Program.Files.Select(f => KeyValuePair.Create(f, File.ReadAllText(task.PathOf(f)))));

    private static string ComputeId(ImmutableSortedDictionary<string, string> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> length = stackalloc byte[8];
        foreach (var (path, content) in files)
        {
            var p = Encoding.UTF8.GetBytes(path);
            var c = Encoding.UTF8.GetBytes(content);
            System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(length, p.Length);
            hash.AppendData(length);
            hash.AppendData(p);
            System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(length, c.Length);
            hash.AppendData(length);
            hash.AppendData(c);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public bool Equals(ProgramSnapshot? other) => other is not null && Id == other.Id;

    public override bool Equals(object? obj) => Equals(obj as ProgramSnapshot);

    public override int GetHashCode() => Id.GetHashCode(StringComparison.Ordinal);
}
