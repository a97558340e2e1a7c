using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Ratchet.Common;

namespace Ratchet.Tasks;

public sealed partial class ProtectedFiles
{
    /// <summary>The folder and what is left out of it.</summary>
    private sealed class Scope
    {
        public Scope(string root, HashSet<string> programFiles, string? stateDirectory)
        {
            Root = root;
            ProgramFiles = programFiles;
            if (stateDirectory is not null)
            {
                var realRoot = UnixFiles.RealPath(root) ?? root;
                var realState = UnixFiles.RealPath(stateDirectory) ?? Path.GetFullPath(stateDirectory);
                var relative = Path.GetRelativePath(realRoot, realState).Replace('\\', '/');
                if (relative != "." && !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative))
                    StateDirectory = relative;
            }
        }

        public string Root { get; }
        public HashSet<string> ProgramFiles { get; }
        /// <summary>The state folder relative to the root, when inside it.</summary>
        public string? StateDirectory { get; }

        public bool Excludes(string relative) =>
            ProgramFiles.Contains(relative)
            || relative == "policy.toml"
            || RelativePath.IsUnder(relative, ".ratchet")
            || (StateDirectory is not null && RelativePath.IsUnder(relative, StateDirectory));
    }

    private static ImmutableSortedDictionary<string, ProtectedFile> Scan(Scope scope, FileHashCache cache)
    {
        var files = ImmutableSortedDictionary.CreateBuilder<string, ProtectedFile>(StringComparer.Ordinal);
        Walk(scope, cache, scope.Root, "", files);
        return files.ToImmutable();
    }

    // Never follows a symlink: a link to a folder is recorded as a link, not descended into.
    private static void Walk(Scope scope, FileHashCache cache, string folder, string relative, ImmutableSortedDictionary<string, ProtectedFile>.Builder into)
    {
        string[] entries;
        try
        {
            entries = Directory.GetFileSystemEntries(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (relative.Length > 0)
                into[relative + "/"] = new ProtectedFile(relative + "/", ProtectedFileKind.Unreadable, 0, "");
            return;
        }
        foreach (var full in entries)
        {
            var name = Path.GetFileName(full);
            var path = relative.Length == 0 ? name : relative + "/" + name;
            if (scope.Excludes(path))
                continue;
            switch (KindOf(full))
            {
                case FileKind.Directory:
                    Walk(scope, cache, full, path, into);
                    break;
                case FileKind.Symlink:
                    var target = new FileInfo(full).LinkTarget ?? "";
                    var bytes = Encoding.UTF8.GetBytes(target);
                    into[path] = new ProtectedFile(path, ProtectedFileKind.Symlink, bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)), target);
                    break;
                case FileKind.Special:
                    into[path] = new ProtectedFile(path, ProtectedFileKind.Special, 0, "");
                    break;
                case FileKind.Regular:
                    into[path] = HashFile(cache, full, path);
                    break;
            }
        }
    }

    private static ProtectedFile HashFile(FileHashCache cache, string full, string path)
    {
        try
        {
            var (sha, size) = cache.Hash(full);
            return new ProtectedFile(path, ProtectedFileKind.File, size, sha);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ProtectedFile(path, ProtectedFileKind.Unreadable, 0, "");
        }
    }

    private static FileKind KindOf(string full)
    {
        if (UnixFiles.TryStat(full, out var stamp))
            return stamp.Kind;
        var info = new FileInfo(full);
        if (info.LinkTarget is not null)
            return FileKind.Symlink;
        if (info.Attributes.HasFlag(FileAttributes.Directory))
            return FileKind.Directory;
        return info.Exists ? FileKind.Regular : FileKind.Missing;
    }
}
