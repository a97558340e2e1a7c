namespace Ratchet.Sandbox.Cgroups;

/// <summary>cgroup v2: one directory per sandbox under <c>&lt;root&gt;/ratchet</c>, with memory, pids (and cpu) enabled.</summary>
/// <remarks>Written from the kernel's cgroup-v2 documentation; this development machine only has v1 controllers,
/// so only the file handling is tested (against fake folders).</remarks>
internal sealed class CgroupV2Backend(string parent) : CgroupBackend
{
    public override string Version => "v2";

    /// <summary>Enables the controllers for <c>&lt;root&gt;/ratchet</c> and its children; null with a reason when unusable.</summary>
    public static CgroupV2Backend? TryPrepare(string root, out string? problem)
    {
        var available = (KeyedFile.TryReadAll(Path.Combine(root, "cgroup.controllers")) ?? "")
            .Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (!available.Contains("memory") || !available.Contains("pids"))
        {
            problem = $"cgroup v2 at {root} offers [{string.Join(' ', available)}], without memory and pids";
            return null;
        }

        // No-internal-process rule: controllers are enabled from the root down, and processes only sit in leaves.
        var parent = Path.Combine(root, "ratchet");
        try
        {
            Directory.CreateDirectory(parent);
            foreach (var folder in new[] { root, parent })
            {
                Enable(folder, "memory", required: true);
                Enable(folder, "pids", required: true);
                Enable(folder, "cpu", required: false); // cpu.stat's usage_usec is there without it
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            problem = $"cannot enable the memory and pids controllers under {root}: {exception.Message}";
            return null;
        }

        problem = null;
        return new CgroupV2Backend(parent);
    }

    /// <summary>Adds <paramref name="controller"/> to the folder's subtree_control unless it is there already.</summary>
    private static void Enable(string folder, string controller, bool required)
    {
        var file = Path.Combine(folder, "cgroup.subtree_control");
        if ((KeyedFile.TryReadAll(file) ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Contains(controller))
        {
            return;
        }

        try
        {
            File.WriteAllText(file, "+" + controller);
        }
        catch (Exception exception) when (!required && exception is IOException or UnauthorizedAccessException)
        {
            // Optional controller: the sandbox works without it.
        }
    }

    public override SandboxCgroup Create(string name, SandboxLimits limits)
    {
        var cgroup = (CgroupV2)Open(name);
        try
        {
            Directory.CreateDirectory(cgroup.Directory);
            KeyedFile.Write(Path.Combine(cgroup.Directory, "memory.max"), MemoryBytes(limits).ToString());
            WriteIfPresent(Path.Combine(cgroup.Directory, "memory.swap.max"), "0");
            // One OOM kill takes the whole tree: a half-killed candidate would only limp on to the time-out.
            WriteIfPresent(Path.Combine(cgroup.Directory, "memory.oom.group"), "1");
            KeyedFile.Write(Path.Combine(cgroup.Directory, "pids.max"), PidsMax(limits).ToString());
            return cgroup;
        }
        catch
        {
            cgroup.TryRemove();
            throw;
        }
    }

    public override IEnumerable<string> ExistingNames() => ChildNames(parent);

    public override SandboxCgroup Open(string name) => new CgroupV2(Path.Combine(parent, name));

    private static void WriteIfPresent(string path, string value)
    {
        if (File.Exists(path))
        {
            KeyedFile.Write(path, value);
        }
    }
}
