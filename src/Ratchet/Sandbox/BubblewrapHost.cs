using Ratchet.Sandbox.Cgroups;

namespace Ratchet.Sandbox;

/// <summary>What the factory found on this machine for the bubblewrap sandbox.</summary>
/// <param name="IsRoot">Ratchet runs as root: bwrap starts as <paramref name="Uid"/>, cgroups and tmpfs stages are used.</param>
/// <param name="DirectLaunch">bwrap is spawned by <see cref="BwrapLauncher"/>; otherwise through the shell launcher.</param>
/// <param name="SetprivPath">Set when Ratchet runs as root and the direct launcher cannot be used: the shell launcher
/// drops to <paramref name="Uid"/> with setpriv.</param>
/// <param name="CgroupProblems">Why no cgroup backend could be used, when <paramref name="Cgroups"/> is null.</param>
/// <param name="DotnetRoot">A .NET install outside /usr, bound read-only so C# candidates run.</param>
/// <param name="StagingRoot">Where stages go (<c>&lt;state&gt;/sbx</c>, or under /run when the state folder is not
/// traversable by the sandbox uid).</param>
internal sealed record BubblewrapHost(
    string BwrapPath,
    string Version,
    bool IsRoot,
    bool DirectLaunch,
    string? SetprivPath,
    int Uid,
    int Gid,
    CgroupBackend? Cgroups,
    IReadOnlyList<string> CgroupProblems,
    string? DotnetRoot,
    string StateDirectory,
    string StagingRoot,
    TimeProvider Time)
{
    /// <summary>Short hash of the state folder: prefix of this state's cgroup names, so other tasks' Ratchet
    /// processes (other state folders) are never touched by stale-state cleanup.</summary>
    public string CgroupTag { get; } = StateTag(StateDirectory);

    /// <summary>CPUs every sandboxed process is pinned to (null: any), from <see cref="SandboxOptions.Cpus"/>.</summary>
    public IReadOnlyList<int>? Cpus { get; init; }

    internal static string StateTag(string stateDirectory) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(stateDirectory)))[..8];
}
