using Ratchet.Sandbox.Cgroups;

namespace Ratchet.Sandbox.Execution;

/// <summary>Everything Ratchet saw of one launched tree, before interpretation.</summary>
/// <param name="ExitStatus">The launched process's status as .NET reports it (128+n after signal n).</param>
/// <param name="Killed">Why Ratchet killed the tree, when it did (the first reason).</param>
/// <param name="Usage">The cgroup's account after the tree died, when there was a cgroup.</param>
/// <param name="TreeDead">True when the cgroup was seen empty (every process of the tree dead), false when processes
/// were still in it after the kill deadline, null when not checked (no cgroup, or nothing depended on it).</param>
internal sealed record RunObservation(
    int ExitStatus,
    KillReason? Killed,
    CapturedOutput Stdout,
    CapturedOutput Stderr,
    double WallSeconds,
    CgroupUsage? Usage,
    bool? TreeDead);
