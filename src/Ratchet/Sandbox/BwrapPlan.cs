namespace Ratchet.Sandbox;

/// <summary>Everything one bwrap launch is built from (host paths are the stage's; nothing here is the candidate's).</summary>
/// <param name="SetprivPath">Set when Ratchet is root: drop to <paramref name="Uid"/> on the host before bwrap.</param>
/// <param name="CgroupProcsFiles">cgroup.procs files the launcher joins before bwrap forks.</param>
/// <param name="ExtraReadOnlyBinds">Host folders bound at the same path (a dotnet root outside /usr).</param>
/// <param name="Environment">The complete environment inside, in order.</param>
internal sealed record BwrapPlan(
    string BwrapPath,
    string? SetprivPath,
    int Uid,
    int Gid,
    IReadOnlyList<string> CgroupProcsFiles,
    string SeccompFile,
    string StatusFile,
    string ArgsFile,
    SandboxLimits Limits,
    string WorkDirectory,
    string? MetaDirectory,
    string? OutDirectory,
    string? RunOutDirectory,
    IReadOnlyList<string> ExtraReadOnlyBinds,
    IReadOnlyList<KeyValuePair<string, string>> Environment,
    IReadOnlyList<string> Command);
