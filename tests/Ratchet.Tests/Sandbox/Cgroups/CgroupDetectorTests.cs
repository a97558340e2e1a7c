using Ratchet.Sandbox.Cgroups;
using Ratchet.Sandbox.Native;

namespace Ratchet.Tests.Sandbox.Cgroups;

public sealed class CgroupDetectorTests
{
    [Fact]
    public void Detect_WhenV2HasNoControllersButV1HasAll_PicksV1()
    {
        using var root = new TempFolder();
        root.Write("unified/cgroup.controllers", "\n");
        var mounts = new List<MountEntry>
        {
            new("/", root.Combine("unified"), "cgroup2", "cgroup2", "rw"),
            new("/", root.Combine("cpu,cpuacct"), "cgroup", "cgroup", "rw,cpu,cpuacct"),
            new("/", root.Combine("memory"), "cgroup", "cgroup", "rw,memory"),
            new("/", root.Combine("pids"), "cgroup", "cgroup", "rw,pids"),
        };

        var backend = CgroupDetector.Detect(mounts, out var problems);

        Assert.IsType<CgroupV1Backend>(backend);
        Assert.Empty(problems);
        Assert.True(Directory.Exists(root.Combine("cpu,cpuacct", "ratchet")));
    }

    [Fact]
    public void Detect_WhenV2OffersMemoryAndPids_PrefersV2()
    {
        using var root = new TempFolder();
        root.Write("cg/cgroup.controllers", "memory pids\n");
        var mounts = new List<MountEntry>
        {
            new("/", root.Combine("cg"), "cgroup2", "cgroup2", "rw"),
            new("/", root.Combine("memory"), "cgroup", "cgroup", "rw,memory"),
        };

        Assert.IsType<CgroupV2Backend>(CgroupDetector.Detect(mounts, out _));
        Assert.True(File.Exists(root.Combine("cg", "ratchet", "cgroup.subtree_control")));
    }

    [Fact]
    public void Detect_WhenNothingUsableIsMounted_ReturnsNullWithReasons()
    {
        using var root = new TempFolder();
        root.Write("cg/cgroup.controllers", "cpu\n");
        var mounts = new List<MountEntry>
        {
            new("/", root.Combine("cg"), "cgroup2", "cgroup2", "rw"),
            new("/", root.Combine("memory"), "cgroup", "cgroup", "rw,memory"),
        };

        Assert.Null(CgroupDetector.Detect(mounts, out var problems));
        Assert.Equal(2, problems.Count);
    }
}
