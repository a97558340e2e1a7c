namespace Ratchet.Sandbox.Cgroups;

/// <summary>Makes per-sandbox cgroups under one parent (<c>.../ratchet/</c>) of a cgroup hierarchy.</summary>
internal abstract class CgroupBackend
{
    /// <summary>"v1" or "v2".</summary>
    public abstract string Version { get; }

    /// <summary>Creates <paramref name="name"/> with the memory and process limits applied.</summary>
    public abstract SandboxCgroup Create(string name, SandboxLimits limits);

    /// <summary>Names of existing sandbox cgroups (any owner).</summary>
    public abstract IEnumerable<string> ExistingNames();

    /// <summary>A handle on an existing cgroup, to kill and remove what a dead Ratchet left.</summary>
    public abstract SandboxCgroup Open(string name);

    /// <summary>pids.max for a sandbox: its own processes plus bwrap's monitor and its pid 1.</summary>
    internal static long PidsMax(SandboxLimits limits) => limits.Processes + 2L;

    internal static long MemoryBytes(SandboxLimits limits) => limits.MemoryMb * 1024L * 1024L;

    protected static IEnumerable<string> ChildNames(string directory) =>
        Directory.Exists(directory)
            ? Directory.EnumerateDirectories(directory).Select(path => Path.GetFileName(path))
            : [];
}
