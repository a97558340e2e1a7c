namespace Ratchet.Sandbox.Cgroups;

/// <summary>One sandbox's directories in the v1 memory, pids and cpuacct hierarchies.</summary>
internal sealed class CgroupV1(string memory, string pids, string cpuacct) : SandboxCgroup
{
    public string Memory { get; } = memory;
    public string Pids { get; } = pids;
    public string Cpuacct { get; } = cpuacct;

    public override IReadOnlyList<string> ProcsFiles =>
    [
        Path.Combine(Memory, "cgroup.procs"),
        Path.Combine(Pids, "cgroup.procs"),
        Path.Combine(Cpuacct, "cgroup.procs"),
    ];

    public override CgroupUsage ReadUsage() => new(
        KeyedFile.ReadSingle(Path.Combine(Cpuacct, "cpuacct.usage")) / 1e9,
        KeyedFile.ReadSingle(Path.Combine(Memory, "memory.max_usage_in_bytes")),
        KeyedFile.Read(Path.Combine(Memory, "memory.oom_control"), "oom_kill"),
        KeyedFile.Read(Path.Combine(Pids, "pids.events"), "max"));

    public override bool IsEmpty() =>
        !HasProcesses(Path.Combine(Pids, "cgroup.procs")) && !HasProcesses(Path.Combine(Memory, "cgroup.procs"));

    public override void KillAll()
    {
        // v1 has no cgroup.kill; a pid read here belongs to the cgroup, and anything it forks joins the cgroup too.
        KillListed(Path.Combine(Pids, "cgroup.procs"));
        KillListed(Path.Combine(Memory, "cgroup.procs"));
    }

    public override bool TryRemove() =>
        TryRemoveDirectory(Memory) & TryRemoveDirectory(Pids) & TryRemoveDirectory(Cpuacct);
}
