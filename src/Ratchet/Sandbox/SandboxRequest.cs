namespace Ratchet.Sandbox;

/// <summary>A file placed in the sandbox's working folder, copied from the host or given as bytes.</summary>
/// <param name="RelativePath">Path under the working folder, e.g. <c>data/x.json</c>. Never absolute, never <c>..</c>.</param>
/// <param name="HostPath">Host file to copy (exactly one of HostPath and Content).</param>
/// <param name="Content">Bytes to write.</param>
public sealed record StagedFile(string RelativePath, string? HostPath = null, byte[]? Content = null)
{
    public static StagedFile FromHost(string relativePath, string hostPath) => new(relativePath, HostPath: hostPath);

    public static StagedFile FromText(string relativePath, string text) =>
        new(relativePath, Content: System.Text.Encoding.UTF8.GetBytes(text));
}

/// <summary>What one sandboxed process tree may use. Built from the task's <c>[limits]</c>.</summary>
/// <param name="WallSeconds">Wall-clock limit measured by Ratchet.</param>
/// <param name="CpuSeconds">CPU seconds of all processes together (cgroup), and RLIMIT_CPU per process.</param>
/// <param name="MemoryMb">Memory cgroup limit for all processes together.</param>
/// <param name="Processes">pids cgroup limit (processes and threads).</param>
/// <param name="OutputBytes">Cap on stdout and stderr (each) and on the results folder (its tmpfs size, and the
/// post-run check of every file and of the total). RLIMIT_FSIZE is the larger of this and <paramref name="TmpMb"/>,
/// so that a scratch file the private /tmp allows is not killed.</param>
/// <param name="TmpMb">Size of the private /tmp tmpfs.</param>
/// <param name="OpenFiles">RLIMIT_NOFILE.</param>
public sealed record SandboxLimits(
    double WallSeconds,
    double CpuSeconds,
    int MemoryMb,
    int Processes,
    long OutputBytes,
    int TmpMb = 64,
    int OpenFiles = 256)
{
    public static SandboxLimits From(Tasks.LimitsSpec spec) =>
        new(spec.WallSeconds, spec.CpuSeconds, spec.MemoryMb, spec.Processes, spec.OutputBytes, spec.TmpMb);
}

/// <summary>One sandboxed command. The sandbox sets <c>RATCHET_OUT</c>, <c>RATCHET_RUN_OUT</c> and
/// <c>RATCHET_RESOURCES</c> itself when the matching field is used.</summary>
public sealed record SandboxRequest
{
    /// <summary>argv; run with the working folder as the current directory.</summary>
    public required IReadOnlyList<string> Command { get; init; }

    /// <summary>Files staged read-only in the working folder.</summary>
    public IReadOnlyList<StagedFile> WorkFiles { get; init; } = [];

    /// <summary>Variables set inside, on top of the sandbox's fixed PATH, HOME, LANG. Nothing else of the host enters.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>When true, a writable, size-capped results folder is provided as <c>$RATCHET_OUT</c> and collected after exit.</summary>
    public bool CollectResults { get; init; }

    /// <summary>Results of an earlier run, mounted read-only as <c>$RATCHET_RUN_OUT</c>.</summary>
    public SandboxResults? RunResults { get; init; }

    /// <summary>JSON placed read-only at <c>$RATCHET_RESOURCES</c>.</summary>
    public byte[]? ResourcesJson { get; init; }

    public required SandboxLimits Limits { get; init; }

    /// <summary>CPUs this command's processes are pinned to, over the sandbox's own setting (<see
    /// cref="SandboxOptions.Cpus"/>); null: that setting. A run loop gives each worker its own share of the CPUs so
    /// that two candidates do not take turns on one core while the other waits. Not a boundary: a candidate may
    /// widen its own mask.</summary>
    public IReadOnlyList<int>? Cpus { get; init; }
}
