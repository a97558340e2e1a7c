using Ratchet.Sandbox.Native;

namespace Ratchet.Sandbox.Execution;

/// <summary>Checks a dead tree's results folder with lstat semantics: never follows a link, never opens anything
/// but a regular file, and accepts only regular files with one link, each and all together within the cap.</summary>
internal static class ResultsValidator
{
    /// <summary>More entries than this (folders included) and the folder is refused without a full walk.</summary>
    internal const int MaxEntries = 10_000;

    /// <summary>Checks results only from a tree proven dead, and seals them only then: a process still running
    /// could swap a checked file for a link between the check and the seal (and root's chmod follows links).</summary>
    /// <param name="treeDead">True: the cgroup was seen empty; false: processes survived the kill; null: unknown (no cgroup).</param>
    public static ResultsCheck CheckAfter(bool? treeDead, string folder, long maxBytes, bool isTmpfs)
    {
        if (treeDead == false)
        {
            return new ResultsCheck(null, "results: processes were still alive after the kill; nothing was collected", false);
        }

        var check = Check(folder, maxBytes, isTmpfs);
        if (check.Results is { } accepted && treeDead == true)
        {
            Seal(accepted, chownToRoot: Libc.geteuid() == 0);
        }

        return check;
    }

    public static ResultsCheck Check(string folder, long maxBytes, bool isTmpfs)
    {
        var files = new List<ResultFile>();
        var refusal = Walk(folder, maxBytes, files);
        var full = isTmpfs && IsFull(folder);
        return refusal is null
            ? new ResultsCheck(new SandboxResults(folder, files.OrderBy(file => file.RelativePath, StringComparer.Ordinal).ToList()), null, full)
            : new ResultsCheck(null, "results: " + refusal, full);
    }

    /// <summary>True for a refusal caused only by size (a file, or the total, over the cap): a program that wrote too
    /// much, which is an output limit rather than a sandbox violation. Both messages are made by <see cref="Walk"/>.</summary>
    public static bool IsSizeRefusal(string refusal) =>
        refusal.Contains(", over the cap of ", StringComparison.Ordinal) || refusal.Contains(" bytes (the cap) at ", StringComparison.Ordinal);

    /// <summary>Makes accepted results Ratchet's own and read-only to every sandbox (root: owner 0; files 0644, folders 0755).</summary>
    public static void Seal(SandboxResults results, bool chownToRoot)
    {
        void Fix(string path, uint mode)
        {
            if (chownToRoot)
            {
                Libc.lchown(path, 0, 0);
            }

            Libc.chmod(path, mode);
        }

        foreach (var file in results.Files)
        {
            Fix(Path.Combine(results.HostDirectory, file.RelativePath), 0x1a4);
        }

        foreach (var folder in Directory.EnumerateDirectories(results.HostDirectory, "*", SearchOption.AllDirectories).Prepend(results.HostDirectory))
        {
            Fix(folder, 0x1ed);
        }
    }

    private static string? Walk(string root, long maxBytes, List<ResultFile> files)
    {
        var pending = new Stack<string>([""]);
        long total = 0;
        var entries = 0;
        while (pending.TryPop(out var relativeFolder))
        {
            // Sorted, so that a refusal names the same path every time.
            var names = Directory.EnumerateFileSystemEntries(Path.Combine(root, relativeFolder)).Take(MaxEntries + 1).Order(StringComparer.Ordinal);
            foreach (var path in names)
            {
                var relative = Path.Combine(relativeFolder, Path.GetFileName(path));
                var shown = "out/" + relative;
                if (++entries > MaxEntries)
                {
                    return $"out/ holds more than {MaxEntries} entries";
                }

                var status = FileStatus.Lstat(path);
                switch (status?.Kind)
                {
                    case null:
                        return $"{shown} vanished while being checked";
                    case FileKind.Directory:
                        pending.Push(relative);
                        continue;
                    case FileKind.Regular when status.Value.LinkCount > 1:
                        return $"{shown} has {status.Value.LinkCount} hard links";
                    case FileKind.Regular when status.Value.Size > maxBytes:
                        return $"{shown} is {status.Value.Size} bytes, over the cap of {maxBytes}";
                    case FileKind.Regular:
                        total += status.Value.Size;
                        if (total > maxBytes)
                        {
                            return $"out/ holds more than {maxBytes} bytes (the cap) at {shown}";
                        }

                        files.Add(new ResultFile(relative, status.Value.Size));
                        continue;
                    default:
                        return $"{shown} is {Describe(status.Value.Kind)}";
                }
            }
        }

        return null;
    }

    internal static string Describe(FileKind kind) => kind switch
    {
        FileKind.SymbolicLink => "a symbolic link",
        FileKind.Fifo => "a named pipe (fifo)",
        FileKind.Socket => "a socket",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        _ => "not a regular file",
    };

    private static bool IsFull(string folder)
    {
        try
        {
            return new DriveInfo(folder).AvailableFreeSpace == 0;
        }
        catch (Exception exception) when (exception is IOException or ArgumentException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
