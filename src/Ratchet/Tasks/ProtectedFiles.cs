using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;

namespace Ratchet.Tasks;

/// <summary>A snapshot of everything in a task folder a candidate must never change: every file except the
/// <c>[program]</c> files, <c>policy.toml</c>, the <c>.ratchet/</c> folder and the state folder when it lies inside.
/// <see cref="TaskHash"/> goes into the ledger; <see cref="Verify"/> says what changed since.</summary>
public sealed partial class ProtectedFiles
{
    private readonly Scope _scope;
    private readonly FileHashCache _cache;

    private ProtectedFiles(Scope scope, FileHashCache cache, ImmutableSortedDictionary<string, ProtectedFile> files)
    {
        _scope = scope;
        _cache = cache;
        Files = files;
        TaskHash = ComputeHash(files.Values);
    }

    /// <summary>Absolute path of the task folder.</summary>
    public string Root => _scope.Root;

    /// <summary>Protected files by task-relative path, in ordinal order.</summary>
    public ImmutableSortedDictionary<string, ProtectedFile> Files { get; }

    /// <summary>Lowercase hex SHA-256 over every protected path, kind, size and content hash: one value for the ledger.</summary>
    public string TaskHash { get; }

    /// <summary>Hashes the protected files of <paramref name="task"/>.</summary>
    /// <param name="stateDirectory">Ratchet's state folder; excluded when it lies inside the task folder.</param>
    /// <param name="cache">Hash cache to reuse between snapshots (a new one when null); <see cref="Verify"/> shares it.</param>
    public static ProtectedFiles Snapshot(TaskSpec task, string? stateDirectory = null, FileHashCache? cache = null) =>
        Snapshot(task.Root, task.Program.Files, stateDirectory, cache);

    /// <summary>Hashes every file under <paramref name="root"/> except <paramref name="programFiles"/>, <c>policy.toml</c>,
    /// <c>.ratchet/</c> and <paramref name="stateDirectory"/>.</summary>
    public static ProtectedFiles Snapshot(string root, IEnumerable<string> programFiles, string? stateDirectory = null, FileHashCache? cache = null)
    {
        var scope = new Scope(Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)), programFiles.ToHashSet(StringComparer.Ordinal), stateDirectory);
        cache ??= new FileHashCache();
        return new ProtectedFiles(scope, cache, Scan(scope, cache));
    }

    /// <summary>Re-hashes the folder (cheaply, through the cache) and lists what was added, changed or deleted.</summary>
    public ProtectedFilesChanges Verify() => Compare(Rescan());

    /// <summary>A fresh snapshot of the same folder with the same exclusions and cache.</summary>
    public ProtectedFiles Rescan() => new(_scope, _cache, Scan(_scope, _cache));

    /// <summary>What <paramref name="now"/> has that this snapshot has not, and the reverse.</summary>
    public ProtectedFilesChanges Compare(ProtectedFiles now)
    {
        var added = now.Files.Keys.Where(p => !Files.ContainsKey(p)).ToArray();
        var deleted = Files.Keys.Where(p => !now.Files.ContainsKey(p)).ToArray();
        var changed = Files.Where(f => now.Files.TryGetValue(f.Key, out var other) && other != f.Value).Select(f => f.Key).ToArray();
        return new ProtectedFilesChanges(added, changed, deleted);
    }

    private static string ComputeHash(IEnumerable<ProtectedFile> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            Field(hash, Encoding.UTF8.GetBytes(file.Path));
            Field(hash, Encoding.UTF8.GetBytes(file.Kind.ToString()));
            var size = new byte[8];
            BinaryPrimitives.WriteInt64LittleEndian(size, file.Size);
            Field(hash, size);
            Field(hash, Encoding.UTF8.GetBytes(file.Sha256));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    // Length-prefixed fields, so no two different file lists encode to the same bytes.
    private static void Field(IncrementalHash hash, ReadOnlySpan<byte> bytes)
    {
        Span<byte> length = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(length, bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }
}
