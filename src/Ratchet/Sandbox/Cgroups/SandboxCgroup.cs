namespace Ratchet.Sandbox.Cgroups;

/// <summary>The cgroup(s) of one sandbox: joined by the launcher shell before bwrap forks.</summary>
internal abstract class SandboxCgroup
{
    /// <summary>cgroup.procs files the launcher writes its own pid into.</summary>
    public abstract IReadOnlyList<string> ProcsFiles { get; }

    public abstract CgroupUsage ReadUsage();

    /// <summary>True when no process is left in the cgroup.</summary>
    public abstract bool IsEmpty();

    /// <summary>The processes the cgroup lists now (possibly exiting already).</summary>
    public abstract IReadOnlyList<int> Listed();

    /// <summary>Sends SIGKILL to every process in the cgroup.</summary>
    /// <returns>True when it listed the cgroup's processes and found none: the cgroup was empty already.</returns>
    public abstract bool KillAll();

    /// <summary>Closes the account files and removes the cgroup directories; false when one could not be removed yet
    /// (still busy).</summary>
    public abstract bool TryRemove();

    protected static void CloseFiles(params ReadOnlySpan<CgroupFile> files)
    {
        foreach (var file in files)
        {
            file.Dispose();
        }
    }

    /// <returns>True when the file was read and listed no process.</returns>
    protected static bool KillListed(string procsFile)
    {
        var listed = KeyedFile.TryReadAll(procsFile);
        foreach (var pid in Pids(listed))
        {
            Native.Libc.kill(pid, Native.Libc.SIGKILL);
        }

        return listed is not null && string.IsNullOrWhiteSpace(listed);
    }

    protected static void AddListed(string procsFile, List<int> pids)
    {
        foreach (var pid in Pids(KeyedFile.TryReadAll(procsFile)))
        {
            if (!pids.Contains(pid))
            {
                pids.Add(pid);
            }
        }
    }

    private static IEnumerable<int> Pids(string? listed)
    {
        foreach (var line in (listed ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (int.TryParse(line, out var pid) && pid > 1)
            {
                yield return pid;
            }
        }
    }

    protected static bool HasProcesses(string procsFile) =>
        !string.IsNullOrWhiteSpace(KeyedFile.TryReadAll(procsFile));

    protected static bool TryRemoveDirectory(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path);
            }

            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    protected static void Write(string path, string value) => KeyedFile.Write(path, value);
}
