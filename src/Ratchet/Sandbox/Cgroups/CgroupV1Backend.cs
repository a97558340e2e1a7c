namespace Ratchet.Sandbox.Cgroups;

/// <summary>cgroup v1: one directory per sandbox in each of the memory, pids and cpuacct hierarchies.</summary>
/// <param name="memoryParent">e.g. <c>/sys/fs/cgroup/memory/ratchet</c>.</param>
internal sealed class CgroupV1Backend(string memoryParent, string pidsParent, string cpuacctParent) : CgroupBackend
{
    public override string Version => "v1";

    public override SandboxCgroup Create(string name, SandboxLimits limits)
    {
        var cgroup = (CgroupV1)Open(name);
        try
        {
            Directory.CreateDirectory(cgroup.Memory);
            Directory.CreateDirectory(cgroup.Pids);
            Directory.CreateDirectory(cgroup.Cpuacct);
            var bytes = MemoryBytes(limits).ToString();
            KeyedFile.Write(Path.Combine(cgroup.Memory, "memory.limit_in_bytes"), bytes);
            var memsw = Path.Combine(cgroup.Memory, "memory.memsw.limit_in_bytes");
            if (File.Exists(memsw))
            {
                // memory+swap equal to memory: the sandbox cannot swap its way past the limit.
                KeyedFile.Write(memsw, bytes);
            }

            KeyedFile.Write(Path.Combine(cgroup.Pids, "pids.max"), PidsMax(limits).ToString());
            return cgroup;
        }
        catch
        {
            cgroup.TryRemove();
            throw;
        }
    }

    public override IEnumerable<string> ExistingNames() =>
        ChildNames(memoryParent).Concat(ChildNames(pidsParent)).Concat(ChildNames(cpuacctParent)).Distinct();

    public override SandboxCgroup Open(string name) =>
        new CgroupV1(Path.Combine(memoryParent, name), Path.Combine(pidsParent, name), Path.Combine(cpuacctParent, name));

    /// <summary>True when swap is limited too (memory.memsw.* exists, i.e. swap accounting is on).</summary>
    public bool LimitsSwap => File.Exists(Path.Combine(Path.GetDirectoryName(memoryParent)!, "memory.memsw.limit_in_bytes"));
}
