namespace Ratchet.Sandbox.Cgroups;

/// <summary>One sandbox's directories in the v1 memory, pids and cpuacct hierarchies.</summary>
internal sealed class CgroupV1(string memory, string pids, string cpuacct) : SandboxCgroup
{
    // Read every poll interval while a sandbox runs: the account files stay open, the procs paths are made once.
    private readonly CgroupFile _cpuUsage = new(Path.Combine(cpuacct, "cpuacct.usage"));
    private readonly CgroupFile _memoryPeak = new(Path.Combine(memory, "memory.max_usage_in_bytes"));
    private readonly CgroupFile _oomControl = new(Path.Combine(memory, "memory.oom_control"));
    private readonly CgroupFile _pidsEvents = new(Path.Combine(pids, "pids.events"));
    private readonly string _pidsProcs = Path.Combine(pids, "cgroup.procs");
    private readonly string _memoryProcs = Path.Combine(memory, "cgroup.procs");

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
        KeyedFile.Single(_cpuUsage.Read()) / 1e9,
        KeyedFile.Single(_memoryPeak.Read()),
        KeyedFile.Value(_oomControl.Read(), "oom_kill"),
        KeyedFile.Value(_pidsEvents.Read(), "max"));

    public override bool IsEmpty() => !HasProcesses(_pidsProcs) && !HasProcesses(_memoryProcs);

    public override IReadOnlyList<int> Listed()
    {
        var pids = new List<int>();
        AddListed(_pidsProcs, pids);
        AddListed(_memoryProcs, pids);
        return pids;
    }

    public override bool KillAll()
    {
        // v1 has no cgroup.kill; a pid read here belongs to the cgroup, and anything it forks joins the cgroup too.
        // Both are read either way (no short-circuit): each list may hold a process the other does not show yet.
        return KillListed(_pidsProcs) & KillListed(_memoryProcs);
    }

    public override bool TryRemove()
    {
        CloseFiles(_cpuUsage, _memoryPeak, _oomControl, _pidsEvents);
        return TryRemoveDirectory(Memory) & TryRemoveDirectory(Pids) & TryRemoveDirectory(Cpuacct);
    }
}
