namespace Ratchet.Sandbox;

/// <summary>Runs untrusted and trusted commands in isolation. Implementations say what they cover in <see cref="Info"/>.</summary>
public interface ISandbox
{
    /// <summary>What this sandbox enforces on this machine (shown by <c>status</c>, written to the ledger).</summary>
    SandboxInfo Info { get; }

    /// <summary>Runs one command; cancelling kills the whole process tree and yields <see cref="Termination.Cancelled"/>.</summary>
    Task<SandboxExecution> RunAsync(SandboxRequest request, CancellationToken cancellationToken);

    /// <summary>Gives back what is kept ready for later runs (launches made ahead of need), so that a paused or held
    /// run leaves no sandbox process waiting; later runs prepare again.</summary>
    void ReleaseIdle()
    {
    }
}

/// <summary>What a sandbox enforces here.</summary>
/// <param name="Mode">"bubblewrap" or "none" (only with --unsafe-no-sandbox).</param>
/// <param name="Version">bwrap's version, when used.</param>
/// <param name="Cgroup">"v1", "v2" or "none".</param>
/// <param name="Warnings">Every protection that could not be applied on this machine, in words.</param>
public sealed record SandboxInfo(string Mode, string? Version, string Cgroup, IReadOnlyList<string> Warnings)
{
    public bool IsIsolated => Mode != "none";

    /// <summary>The CPUs every sandboxed process is pinned to (<see cref="SandboxOptions.Cpus"/>); null: any this
    /// process may use. A run loop splits these between its workers.</summary>
    public IReadOnlyList<int>? Cpus { get; init; }
}
