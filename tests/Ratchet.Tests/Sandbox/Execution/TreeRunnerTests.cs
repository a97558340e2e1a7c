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
}
