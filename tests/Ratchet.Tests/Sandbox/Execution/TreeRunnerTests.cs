using Ratchet.Sandbox;
using Ratchet.Sandbox.Cgroups;
using Ratchet.Sandbox.Execution;

namespace Ratchet.Tests.Sandbox.Execution;

public sealed class TreeRunnerTests
{
    private static readonly SandboxLimits Limits = new(10, CpuSeconds: 2, MemoryMb: 64, Processes: 8, OutputBytes: 10);

    [Theory]
    [InlineData(0.5, 0, 0, null)]
    [InlineData(2.5, 0, 0, "CpuLimit")]
    [InlineData(2.5, 1, 0, "OutOfMemory")]
    [InlineData(2.5, 1, 3, "ProcessLimit")]
    public void Breach_WhenTheCgroupShowsALimitPassed_NamesIt(double cpu, long oom, long forks, string? expected) =>
        Assert.Equal(expected, TreeRunner.Breach(new CgroupUsage(cpu, 0, oom, forks), Limits)?.ToString());

    [Theory]
    [InlineData(50, null, 100)] // no cgroup: the interval doubles
    [InlineData(200, null, 400)]
    [InlineData(400, null, 400)] // and stops at the cap
    [InlineData(400, 0.1, 400)] // 9.9 s of CPU headroom over 2 CPUs: the cap comes first
    [InlineData(400, 9.5, 250)] // 0.5 s of headroom over 2 CPUs: look again within 250 ms
    [InlineData(400, 9.99, 50)] // almost at the limit: never under the shortest interval
    [InlineData(50, 12.0, 50)] // already past it (the kill comes from the breach check): the shortest interval
    public void NextInterval_DoublesUpToTheCap_AndComesForwardWhenTheCpuLimitIsInSight(int lastMs, double? cpuSeconds, int expectedMs) =>
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs),
            TreeRunner.NextInterval(TimeSpan.FromMilliseconds(lastMs), cpuSeconds, cpuLimit: 10, cpus: 2));
}
