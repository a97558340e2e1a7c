using Ratchet.Sandbox.Seccomp;

namespace Ratchet.Tests.Sandbox.Seccomp;

public sealed class SeccompFilterTests
{
    private static readonly byte[] Program = SeccompFilter.Build();
    private static readonly SyscallTable X86 = SyscallTable.X86_64;
    private static readonly SyscallTable Arm = SyscallTable.Aarch64;

    private static uint Run(SyscallTable table, string call, params ulong[] args) =>
        BpfInterpreter.Run(Program, table.AuditArch, table[call], args);

    [Fact]
    public void Build_WhenLoadedByTheKernel_IsWholeInstructions()
    {
        Assert.Equal(0, Program.Length % 8);
        Assert.InRange(Program.Length / 8, 10, 4096);
    }

    [Theory]
    [InlineData(0u)]   // read
    [InlineData(1u)]   // write
    [InlineData(59u)]  // execve
    [InlineData(231u)] // exit_group
    public void Filter_WhenAnOrdinaryX86CallIsMade_AllowsIt(uint nr) =>
        Assert.Equal(SeccompFilter.Allow, BpfInterpreter.Run(Program, X86.AuditArch, nr));

    [Fact]
    public void Filter_WhenEveryKilledCallIsMade_KillsTheProcessOnBothArchitectures()
    {
        foreach (var table in new[] { X86, Arm })
        {
            foreach (var call in SeccompFilter.Killed.Where(table.Numbers.ContainsKey))
            {
                Assert.True(SeccompFilter.KillProcess == Run(table, call), $"{table.Name} {call} should be killed");
            }
        }
    }

    [Theory]
    [InlineData(2ul)]  // AF_INET
    [InlineData(10ul)] // AF_INET6
    [InlineData(17ul)] // AF_PACKET
    [InlineData(40ul)] // AF_VSOCK
    [InlineData(38ul)] // AF_ALG
    public void Filter_WhenASocketLeavesTheMachine_KillsTheProcess(ulong family)
    {
        Assert.Equal(SeccompFilter.KillProcess, Run(X86, "socket", family, 1, 0));
        Assert.Equal(SeccompFilter.KillProcess, Run(Arm, "socket", family, 1, 0));
    }

    [Fact]
    public void Filter_WhenAUnixOrRouteNetlinkSocketIsOpened_AllowsIt()
    {
        Assert.Equal(SeccompFilter.Allow, Run(X86, "socket", SeccompFilter.AF_UNIX, 1, 0));
        Assert.Equal(SeccompFilter.Allow, Run(X86, "socket", SeccompFilter.AF_NETLINK, 3, SeccompFilter.NETLINK_ROUTE));
        Assert.Equal(SeccompFilter.KillProcess, Run(X86, "socket", SeccompFilter.AF_NETLINK, 3, 9)); // NETLINK_AUDIT
    }

    [Fact]
    public void Filter_WhenTheHighHalfOfAnIntArgumentIsSet_StillJudgesTheLowHalfAsTheKernelDoes() =>
        Assert.Equal(SeccompFilter.KillProcess, Run(X86, "socket", 0xFFFF_FFFF_0000_0002ul, 1, 0));

    [Fact]
    public void Filter_WhenIoctlTypesIntoATerminal_KillsTheProcess()
    {
        Assert.Equal(SeccompFilter.KillProcess, Run(X86, "ioctl", 0, SeccompFilter.TIOCSTI));
        Assert.Equal(SeccompFilter.KillProcess, Run(Arm, "ioctl", 0, SeccompFilter.TIOCLINUX));
        Assert.Equal(SeccompFilter.Allow, Run(X86, "ioctl", 0, 0x5401)); // TCGETS
    }

    [Fact]
    public void Filter_WhenCloneAsksForANamespace_KillsTheProcess()
    {
        Assert.Equal(SeccompFilter.KillProcess, Run(X86, "clone", 0x10000000 | 17)); // CLONE_NEWUSER | SIGCHLD
        Assert.Equal(SeccompFilter.Allow, Run(X86, "clone", 0x003D0F00));           // pthread_create's flags
    }

    [Fact]
    public void Filter_WhenIoUringOrClone3IsProbed_FailsWithEnosysSoLibrariesFallBack()
    {
        Assert.Equal(SeccompFilter.ErrnoAction | SeccompFilter.ENOSYS, Run(X86, "io_uring_setup"));
        Assert.Equal(SeccompFilter.ErrnoAction | SeccompFilter.ENOSYS, Run(Arm, "clone3"));
        Assert.Equal(SeccompFilter.ErrnoAction | SeccompFilter.EPERM, Run(X86, "userfaultfd"));
    }

    [Theory]
    [InlineData(0x40000003u)] // AUDIT_ARCH_I386: int 0x80 from a 64-bit process
    [InlineData(0x40000028u)] // AUDIT_ARCH_ARM
    public void Filter_WhenAnotherArchitectureCalls_KillsTheProcess(uint arch) =>
        Assert.Equal(SeccompFilter.KillProcess, BpfInterpreter.Run(Program, arch, 0));

    [Fact]
    public void Filter_WhenAnX32CallNumberIsUsed_KillsTheProcess() =>
        Assert.Equal(SeccompFilter.KillProcess, BpfInterpreter.Run(Program, X86.AuditArch, SyscallTable.X32Bit | 1));
}
