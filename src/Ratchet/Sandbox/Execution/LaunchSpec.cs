using System.Diagnostics;
using Ratchet.Sandbox.Cgroups;

namespace Ratchet.Sandbox.Execution;

/// <summary>How to start and stop one tree: the launcher argv and environment, its cgroup, and how to kill it.</summary>
/// <param name="KillTree">Kills the whole tree given the launched pid (bwrap: SIGKILL bwrap, then the cgroup).</param>
/// <param name="AfterExit">Run once the launched process has exited, to end what it left behind (not for bwrap:
/// its pid may already be reused; the cgroup is drained instead).</param>
internal sealed record LaunchSpec(
    IReadOnlyList<string> Argv,
    IReadOnlyDictionary<string, string> Environment,
    string WorkingDirectory,
    SandboxCgroup? Cgroup,
    Action<int> KillTree,
    Action<int>? AfterExit = null)
{
    public ProcessStartInfo ToStartInfo()
    {
        var info = new ProcessStartInfo(Argv[0])
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = WorkingDirectory,
        };
        foreach (var argument in Argv.Skip(1))
        {
            info.ArgumentList.Add(argument);
        }

        // Nothing of Ratchet's environment (API keys included) reaches the launcher, bwrap or its pid 1.
        info.Environment.Clear();
        foreach (var (name, value) in Environment)
        {
            info.Environment[name] = value;
        }

        return info;
    }
}
