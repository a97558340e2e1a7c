using Ratchet.Sandbox.Cgroups;
using Ratchet.Sandbox.Staging;

namespace Ratchet.Sandbox;

/// <summary>A bwrap launch made ahead of need: an empty stage, its cgroup, and bwrap spawned into the cgroup, limited,
/// waiting for its options (<see cref="PendingBwrap"/>).</summary>
internal sealed record WarmLaunch(Stage Stage, SandboxCgroup? Cgroup, PendingBwrap Bwrap);

/// <summary>What a launch made ahead must share with the request that uses it: the command (bwrap's argv), the limits
/// (rlimits, cgroup) and whether results are collected (the out/ tmpfs). Everything else goes in the options.</summary>
internal sealed record WarmKey(string CommandLine, SandboxLimits Limits, bool CollectResults)
{
    public static WarmKey Of(SandboxRequest request) => new(string.Join('\0', request.Command), request.Limits, request.CollectResults);

    /// <summary>A request with this key's command, limits and results folder, for the parts of a plan the spawn reads.</summary>
    public SandboxRequest Template() => new() { Command = CommandLine.Split('\0'), Limits = Limits, CollectResults = CollectResults };
}
