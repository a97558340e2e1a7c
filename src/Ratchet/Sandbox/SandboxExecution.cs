namespace Ratchet.Sandbox;

/// <summary>How a sandboxed process tree ended, as Ratchet observed it from outside.</summary>
public enum Termination
{
    /// <summary>The command exited by itself with <see cref="SandboxExecution.ExitCode"/>.</summary>
    Exited,
    /// <summary>The command died from a signal Ratchet did not send (see <see cref="SandboxExecution.Signal"/>).</summary>
    Signaled,
    /// <summary>Ratchet's wall clock passed the limit; the whole tree was killed.</summary>
    WallTimeout,
    /// <summary>The cgroup's CPU account (or RLIMIT_CPU) passed the limit.</summary>
    CpuLimit,
    /// <summary>The memory cgroup recorded an OOM kill.</summary>
    OutOfMemory,
    /// <summary>stdout or stderr passed the cap, a file hit RLIMIT_FSIZE, or the results tmpfs filled up.</summary>
    OutputLimit,
    /// <summary>The pids cgroup refused a fork or a thread.</summary>
    ProcessLimit,
    /// <summary>The seccomp filter killed a process for a forbidden system call (SIGSYS).</summary>
    SeccompKill,
    /// <summary>The results folder held something other than regular files within the cap; nothing was collected.</summary>
    ResultsRefused,
    /// <summary>Ratchet was asked to stop and killed the tree.</summary>
    Cancelled,
}

/// <summary>CPU, wall time and peak memory of a sandboxed tree, measured by Ratchet from outside.</summary>
public sealed record ResourceUsage(double CpuSeconds, double WallSeconds, double MaxRssMb)
{
    public static ResourceUsage Zero { get; } = new(0, 0, 0);
}

/// <summary>A regular file collected from a run's results folder.</summary>
public sealed record ResultFile(string RelativePath, long Length);

/// <summary>A run's validated results folder: regular files only, within the size cap, owned by Ratchet after the run died.</summary>
public sealed record SandboxResults(string HostDirectory, IReadOnlyList<ResultFile> Files);

/// <summary>The outcome of one sandboxed command. Dispose to release its staging (and its results folder).</summary>
public sealed class SandboxExecution : IAsyncDisposable
{
    private readonly Func<ValueTask>? _release;

    public SandboxExecution(Func<ValueTask>? release = null) => _release = release;

    public required Termination Termination { get; init; }

    /// <summary>Exit code when <see cref="Termination"/> is <see cref="Termination.Exited"/>; otherwise the code seen, if any.</summary>
    public int? ExitCode { get; init; }

    /// <summary>The killing signal when the command died from one.</summary>
    public int? Signal { get; init; }

    /// <summary>Captured stdout, at most the output cap.</summary>
    public required byte[] Stdout { get; init; }

    /// <summary>Captured stderr, at most the output cap.</summary>
    public required byte[] Stderr { get; init; }

    public required ResourceUsage Resources { get; init; }

    /// <summary>Validated results when <see cref="SandboxRequest.CollectResults"/> was set and they passed the checks.</summary>
    public SandboxResults? Results { get; init; }

    /// <summary>Human-readable detail of how Ratchet knows (e.g. "results: out/x is a symbolic link").</summary>
    public string? Detail { get; init; }

    public ValueTask DisposeAsync() => _release?.Invoke() ?? ValueTask.CompletedTask;
}
