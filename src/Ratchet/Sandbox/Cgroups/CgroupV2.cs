namespace Ratchet.Sandbox.Cgroups;

/// <summary>One sandbox's cgroup v2 directory.</summary>
internal sealed class CgroupV2(string directory) : SandboxCgroup
{
    // Read every poll interval while a sandbox runs: the account files stay open.
    private readonly CgroupFile _cpuStat = new(Path.Combine(directory, "cpu.stat"));
    private readonly CgroupFile _memoryPeak = new(Path.Combine(directory, "memory.peak"));
    private readonly CgroupFile _memoryEvents = new(Path.Combine(directory, "memory.events"));
    private readonly CgroupFile _pidsEvents = new(Path.Combine(directory, "pids.events"));

    public string Directory { get; } = directory;

    public override IReadOnlyList<string> ProcsFiles => [Path.Combine(Directory, "cgroup.procs")];

    public override CgroupUsage ReadUsage() => new(
        KeyedFile.Value(_cpuStat.Read(), "usage_usec") / 1e6,
        KeyedFile.Single(_memoryPeak.Read()),
        KeyedFile.Value(_memoryEvents.Read(), "oom_kill"),
        KeyedFile.Value(_pidsEvents.Read(), "max"));

    public override bool IsEmpty()
    {
        var events = KeyedFile.TryReadAll(Path.Combine(Directory, "cgroup.events"));
        return events is null
            ? !HasProcesses(Path.Combine(Directory, "cgroup.procs"))
            : KeyedFile.Value(events, "populated") == 0;
    }

    public override IReadOnlyList<int> Listed()
    {
        var pids = new List<int>();
        AddListed(Path.Combine(Directory, "cgroup.procs"), pids);
        return pids;
    }

    public override bool KillAll()
    {
        var kill = Path.Combine(Directory, "cgroup.kill");
        if (File.Exists(kill))
        {
            // Linux 5.14+: the kernel kills every process, including ones forked while we look. Nothing was listed,
            // so whether it was empty is not known here.
            Write(kill, "1");
            return false;
        }

        return KillListed(Path.Combine(Directory, "cgroup.procs"));
    }

    public override bool TryRemove()
    {
        CloseFiles(_cpuStat, _memoryPeak, _memoryEvents, _pidsEvents);
        return TryRemoveDirectory(Directory);
    }
}
