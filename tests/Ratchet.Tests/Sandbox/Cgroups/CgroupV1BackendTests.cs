using Ratchet.Sandbox;
using Ratchet.Sandbox.Cgroups;

namespace Ratchet.Tests.Sandbox.Cgroups;

public sealed class CgroupV1BackendTests
{
    private static readonly SandboxLimits Limits = new(10, 10, MemoryMb: 64, Processes: 10, OutputBytes: 1024);

    [Fact]
    public void Create_WhenSwapIsAccounted_LimitsMemoryAndMemorySwapAlikeAndPids()
    {
        using var root = new TempFolder();
        root.Write("memory/ratchet/box/memory.memsw.limit_in_bytes", "max");
        var backend = new CgroupV1Backend(root.Combine("memory", "ratchet"), root.Combine("pids", "ratchet"), root.Combine("cpuacct", "ratchet"));

        var cgroup = backend.Create("box", Limits);

        var bytes = (64L * 1024 * 1024).ToString();
        Assert.Equal(bytes, File.ReadAllText(root.Combine("memory", "ratchet", "box", "memory.limit_in_bytes")));
        Assert.Equal(bytes, File.ReadAllText(root.Combine("memory", "ratchet", "box", "memory.memsw.limit_in_bytes")));
        Assert.Equal("12", File.ReadAllText(root.Combine("pids", "ratchet", "box", "pids.max")));
        Assert.Equal(3, cgroup.ProcsFiles.Count);
        Assert.True(Directory.Exists(root.Combine("cpuacct", "ratchet", "box")));
    }

    [Fact]
    public void ReadUsage_WhenTheKernelFilesHoldCounters_ReportsCpuPeakOomAndRefusedForks()
    {
        using var root = new TempFolder();
        root.Write("c/cpuacct.usage", "1500000000\n");
        root.Write("m/memory.max_usage_in_bytes", "2097152\n");
        root.Write("m/memory.oom_control", "oom_kill_disable 0\nunder_oom 0\noom_kill 2\n");
        root.Write("p/pids.events", "max 4\n");

        var usage = new CgroupV1(root.Combine("m"), root.Combine("p"), root.Combine("c")).ReadUsage();

        Assert.Equal(new CgroupUsage(1.5, 2097152, 2, 4), usage);
    }

    [Fact]
    public void IsEmpty_WhenAProcsFileListsAPid_IsFalse()
    {
        using var root = new TempFolder();
        root.Write("m/cgroup.procs", "");
        root.Write("p/cgroup.procs", "4242\n");
        var cgroup = new CgroupV1(root.Combine("m"), root.Combine("p"), root.Combine("c"));

        Assert.False(cgroup.IsEmpty());
        root.Write("p/cgroup.procs", "");
        Assert.True(cgroup.IsEmpty());
    }

    [Fact]
    public void Listed_BothListsTogether_EachPidOnceAndNeverTheHostsInit()
    {
        using var root = new TempFolder();
        root.Write("m/cgroup.procs", "4242\n77\n1\n");
        root.Write("p/cgroup.procs", "77\n5151\n");
        var cgroup = new CgroupV1(root.Combine("m"), root.Combine("p"), root.Combine("c"));

        Assert.Equal([77, 5151, 4242], cgroup.Listed());

        File.Delete(root.Combine("p", "cgroup.procs"));
        root.Write("m/cgroup.procs", "");
        Assert.Empty(cgroup.Listed());
    }

    [Fact]
    public async Task KillAll_SaysEmptyOnlyWhenBothListsWereReadAndEmpty_AndKillsWhatIsListed()
    {
        using var root = new TempFolder();
        root.Write("m/cgroup.procs", "");
        root.Write("p/cgroup.procs", "");
        var cgroup = new CgroupV1(root.Combine("m"), root.Combine("p"), root.Combine("c"));
        Assert.True(cgroup.KillAll());

        var pid = Ratchet.Sandbox.Native.Spawn.Start(new Ratchet.Sandbox.Native.SpawnRequest(
            ["/bin/sleep", "30"], [], new Dictionary<int, int>(), CloseFrom: 10, "/"));
        var exited = Ratchet.Sandbox.Native.Reaper.Shared!.Watch(pid)!;
        root.Write("m/cgroup.procs", $"{pid}\n");
        Assert.False(cgroup.KillAll());
        Assert.Equal(137, await exited.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));

        File.Delete(root.Combine("m", "cgroup.procs"));
        Assert.False(cgroup.KillAll()); // an unreadable list proves nothing
    }
}
