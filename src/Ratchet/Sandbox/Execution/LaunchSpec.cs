using Ratchet.Sandbox.Cgroups;

namespace Ratchet.Sandbox.Execution;

/// <summary>How to start and stop one tree: the launcher, its cgroup, and how to kill it.</summary>
/// <param name="Start">Starts the launcher; runs on <see cref="Native.LauncherThread"/> unless
/// <paramref name="OnLauncherThread"/> is false (a launch already spawned there, released here).</param>
/// <param name="KillTree">Kills the whole tree given the launched pid (bwrap: SIGKILL bwrap, then the cgroup).</param>
/// <param name="AfterExit">Run once the launched process has exited, to end what it left behind (not for bwrap:
/// its pid may already be reused; the cgroup is drained instead).</param>
internal sealed record LaunchSpec(
    Func<LaunchedTree> Start,
    SandboxCgroup? Cgroup,
    Action<int> KillTree,
    Action<int>? AfterExit = null,
    bool OnLauncherThread = true);
