namespace Ratchet.Sandbox.Cgroups;

/// <summary>What a sandbox's cgroup recorded.</summary>
/// <param name="CpuSeconds">User + system CPU of every process that ran in it.</param>
/// <param name="PeakMemoryBytes">Highest memory charge (v1 memory.max_usage_in_bytes, v2 memory.peak).</param>
/// <param name="OomKills">Processes the kernel killed for the memory limit.</param>
/// <param name="ForksRefused">Forks or threads refused by pids.max.</param>
internal sealed record CgroupUsage(double CpuSeconds, long PeakMemoryBytes, long OomKills, long ForksRefused)
{
    public static CgroupUsage None { get; } = new(0, 0, 0, 0);
}
