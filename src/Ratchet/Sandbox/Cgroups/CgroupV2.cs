namespace Ratchet.Sandbox.Cgroups;

/// <summary>One sandbox's cgroup v2 directory.</summary>
internal sealed class CgroupV2(string directory) : SandboxCgroup
{
    public string Directory { get; } = directory;

    public override IReadOnlyList<string> ProcsFiles => [Path.Combine(Directory, "cgroup.procs")];

    public override CgroupUsage ReadUsage() => new(
        KeyedFile.Read(Path.Combine(Directory, "cpu.stat"), "usage_usec") / 1e6,
        KeyedFile.ReadSingle(Path.Combine(Directory, "memory.peak")),
        KeyedFile.Read(Path.Combine(Directory, "memory.events"), "oom_kill"),
        KeyedFile.Read(Path.Combine(Directory, "pids.events"), "max"));

    public override bool IsEmpty()
    {
        var events = KeyedFile.TryReadAll(Path.Combine(Directory, "cgroup.events"));
        return events is null
            ? !HasProcesses(Path.Combine(Directory, "cgroup.procs"))
            : KeyedFile.Value(events, "populated") == 0;
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

    public override bool TryRemove() => TryRemoveDirectory(Directory);
}
