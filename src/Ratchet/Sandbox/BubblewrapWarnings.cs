using Ratchet.Sandbox.Cgroups;

namespace Ratchet.Sandbox;

/// <summary>Every protection of the bubblewrap sandbox that this machine could not give, in words.</summary>
internal static class BubblewrapWarnings
{
    public static IReadOnlyList<string> For(BubblewrapHost host)
    {
        var warnings = new List<string>();
        if (!host.IsRoot)
        {
            warnings.Add("Ratchet is not root: bwrap runs as your own user, so sandboxed processes keep your host " +
                         "identity (no drop to uid " + host.Uid + "); anything your user can read under /usr and /etc is readable inside");
            warnings.Add("Ratchet is not root: staging folders are plain folders, so their host paths show in " +
                         "/proc/self/mountinfo inside, and the results folder is not size-capped (RLIMIT_FSIZE still caps each file)");
        }

        if (host.Cgroups is null)
        {
            var why = host.IsRoot ? string.Join("; ", host.CgroupProblems) : "cgroups need root here";
            warnings.Add($"no cgroup ({why}): memory and process count are not limited, CPU is limited only per process " +
                         "(RLIMIT_CPU), CPU time and peak memory are reported as 0, leftover processes die only with bwrap's pid namespace, " +
                         "and results are read without proof that every process has died (so they are not sealed)");
        }
        else if (host.Cgroups is CgroupV1Backend { LimitsSwap: false })
        {
            warnings.Add("swap is not limited: cgroup v1 swap accounting is off (boot with swapaccount=1)");
        }

        return warnings;
    }
}
