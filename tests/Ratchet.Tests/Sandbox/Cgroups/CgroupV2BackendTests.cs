using Ratchet.Sandbox;
using Ratchet.Sandbox.Cgroups;

namespace Ratchet.Tests.Sandbox.Cgroups;

/// <summary>cgroup v2 against fake folders (this machine has no v2 controllers): what is written, what is read.</summary>
public sealed class CgroupV2BackendTests
{
    private static readonly SandboxLimits Limits = new(10, 10, MemoryMb: 256, Processes: 32, OutputBytes: 1024);

    [Fact]
    public void TryPrepare_WhenMemoryAndPidsAreAvailable_EnablesThemFromTheRootDown()
    {
        using var root = new TempFolder();
        root.Write("cgroup.controllers", "cpuset cpu io memory pids\n");

        var backend = CgroupV2Backend.TryPrepare(root.Path, out var problem);

        Assert.NotNull(backend);
        Assert.Null(problem);
        // A fake file keeps only the last write; the kernel's accumulates "+memory", "+pids", "+cpu".
        Assert.Equal("+cpu", File.ReadAllText(root.Combine("cgroup.subtree_control")));
        Assert.Equal("+cpu", File.ReadAllText(root.Combine("ratchet", "cgroup.subtree_control")));
    }

    [Fact]
    public void TryPrepare_WhenControllersAreAlreadyEnabled_WritesNothing()
    {
        using var root = new TempFolder();
        root.Write("cgroup.controllers", "memory pids cpu\n");
        root.Write("cgroup.subtree_control", "cpu memory pids\n");
        root.Write("ratchet/cgroup.subtree_control", "memory pids cpu\n");

        Assert.NotNull(CgroupV2Backend.TryPrepare(root.Path, out _));
        Assert.Equal("cpu memory pids\n", File.ReadAllText(root.Combine("cgroup.subtree_control")));
        Assert.Equal("memory pids cpu\n", File.ReadAllText(root.Combine("ratchet", "cgroup.subtree_control")));
    }

    [Fact]
    public void TryPrepare_WhenTheHierarchyHasNoControllers_SaysWhatItFound()
    {
        using var root = new TempFolder();
        root.Write("cgroup.controllers", "\n");

        Assert.Null(CgroupV2Backend.TryPrepare(root.Path, out var problem));
        Assert.Contains("without memory and pids", problem);
    }

    [Fact]
    public void Create_WhenCalled_WritesMemoryNoSwapOomGroupAndPidsLimits()
    {
        using var root = new TempFolder();
        root.Write("ratchet/box/memory.swap.max", "max");
        root.Write("ratchet/box/memory.oom.group", "0");
        var backend = new CgroupV2Backend(root.Combine("ratchet"));

        var cgroup = (CgroupV2)backend.Create("box", Limits);

        Assert.Equal((256L * 1024 * 1024).ToString(), File.ReadAllText(root.Combine("ratchet", "box", "memory.max")));
        Assert.Equal("0", File.ReadAllText(root.Combine("ratchet", "box", "memory.swap.max")));
        Assert.Equal("1", File.ReadAllText(root.Combine("ratchet", "box", "memory.oom.group")));
        Assert.Equal("34", File.ReadAllText(root.Combine("ratchet", "box", "pids.max")));
        Assert.Equal([root.Combine("ratchet", "box", "cgroup.procs")], cgroup.ProcsFiles);
        Assert.Equal(["box"], backend.ExistingNames());
    }

    [Fact]
    public void ReadUsage_WhenTheKernelFilesHoldCounters_ReportsCpuPeakOomAndRefusedForks()
    {
        using var root = new TempFolder();
        root.Write("box/cpu.stat", "usage_usec 2500000\nuser_usec 2000000\nsystem_usec 500000\n");
        root.Write("box/memory.peak", "104857600\n");
        root.Write("box/memory.events", "low 0\nhigh 0\nmax 12\noom 2\noom_kill 1\noom_group_kill 0\n");
        root.Write("box/pids.events", "max 7\n");

        var usage = new CgroupV2(root.Combine("box")).ReadUsage();

        Assert.Equal(new CgroupUsage(2.5, 104857600, 1, 7), usage);
    }

    [Fact]
    public void IsEmpty_WhenCgroupEventsSaysPopulated_ReadsIt()
    {
        using var root = new TempFolder();
        var cgroup = new CgroupV2(root.Combine("box"));
        root.Write("box/cgroup.events", "populated 1\nfrozen 0\n");
        Assert.False(cgroup.IsEmpty());
        root.Write("box/cgroup.events", "populated 0\nfrozen 0\n");
        Assert.True(cgroup.IsEmpty());
    }

    [Fact]
    public void Listed_ReadsCgroupProcs()
    {
        using var root = new TempFolder();
        root.Write("box/cgroup.procs", "31\n30\n");

        Assert.Equal([31, 30], new CgroupV2(root.Combine("box")).Listed());
    }

    [Fact]
    public void KillAll_WhenCgroupKillExists_WritesOneToIt()
    {
        using var root = new TempFolder();
        root.Write("box/cgroup.kill", "");

        new CgroupV2(root.Combine("box")).KillAll();

        Assert.Equal("1", File.ReadAllText(root.Combine("box", "cgroup.kill")));
    }
}
