namespace Ratchet.Sandbox.Seccomp;

/// <summary>The seccomp policy applied to every sandboxed process: a deny-list on top of the namespaces.</summary>
/// <remarks>
/// Kill (SIGSYS, reported as <see cref="Termination.SeccompKill"/>): calls with no honest use in a candidate that
/// widen the kernel surface or reach other processes - tracing, keyrings, eBPF, perf, mounts, namespaces, module
/// and kexec loading, clock and swap changes; sockets other than AF_UNIX and NETLINK_ROUTE (network attempts, vsock,
/// AF_ALG, raw packets); ioctl TIOCSTI/TIOCLINUX (typing into a terminal); clone with namespace flags; any other
/// architecture (i386, arm32) and x32 call numbers.
/// Fail softly (errno) where libraries probe and fall back: io_uring (ENOSYS; it can open sockets without socket(2)),
/// clone3 (ENOSYS; its flags sit in memory the filter cannot read, glibc falls back to clone), userfaultfd (EPERM).
/// Only the low 32 bits of int arguments are compared because the kernel itself truncates them.
/// </remarks>
internal static class SeccompFilter
{
    internal const uint Allow = 0x7fff0000;
    internal const uint KillProcess = 0x80000000;
    internal const uint ErrnoAction = 0x00050000;
    internal const uint ENOSYS = 38;
    internal const uint EPERM = 1;

    internal const uint AF_UNIX = 1;
    internal const uint AF_NETLINK = 16;
    internal const uint NETLINK_ROUTE = 0;
    internal const uint TIOCSTI = 0x5412;
    internal const uint TIOCLINUX = 0x541C;

    /// <summary>CLONE_NEWNS | NEWCGROUP | NEWUTS | NEWIPC | NEWUSER | NEWPID | NEWNET.</summary>
    internal const uint CloneNamespaceFlags = 0x7E020000;

    internal static readonly string[] Killed =
    [
        "ptrace", "process_vm_readv", "process_vm_writev", "keyctl", "add_key", "request_key", "bpf",
        "perf_event_open", "mount", "umount2", "pivot_root", "unshare", "setns", "kexec_load", "kexec_file_load",
        "init_module", "finit_module", "delete_module", "open_tree", "move_mount", "fsopen", "fsconfig", "fsmount",
        "fspick", "mount_setattr", "pidfd_getfd", "process_madvise", "open_by_handle_at", "swapon", "swapoff",
        "reboot", "acct", "syslog", "settimeofday", "clock_settime", "clock_adjtime", "vhangup", "quotactl",
        "quotactl_fd", "lookup_dcookie", "nfsservctl", "iopl", "ioperm", "uselib",
    ];

    internal static readonly string[] NotImplemented = ["io_uring_setup", "io_uring_enter", "io_uring_register", "clone3"];

    internal static readonly string[] Refused = ["userfaultfd"];

    // Offsets in struct seccomp_data.
    private const uint Nr = 0;
    private const uint Arch = 4;
    private const uint Arg0 = 16;
    private const uint Arg1 = 24;
    private const uint Arg2 = 32;

    /// <summary>The filter program for bwrap's <c>--seccomp</c>, valid on x86_64 and aarch64 hosts.</summary>
    public static byte[] Build()
    {
        var bpf = new BpfAssembler();
        SyscallTable[] tables = [SyscallTable.X86_64, SyscallTable.Aarch64];
        bpf.Load(Arch);
        foreach (var table in tables)
        {
            bpf.JumpIfEqual(table.AuditArch, table.Name);
        }

        bpf.Ret(KillProcess);
        foreach (var table in tables)
        {
            EmitArchitecture(bpf, table);
        }

        EmitArgumentChecks(bpf);
        bpf.Label("kill");
        bpf.Ret(KillProcess);
        bpf.Label("allow");
        bpf.Ret(Allow);
        bpf.Label("enosys");
        bpf.Ret(ErrnoAction | ENOSYS);
        bpf.Label("eperm");
        bpf.Ret(ErrnoAction | EPERM);
        return bpf.Assemble();
    }

    private static void EmitArchitecture(BpfAssembler bpf, SyscallTable table)
    {
        bpf.Label(table.Name);
        bpf.Load(Nr);
        if (table == SyscallTable.X86_64)
        {
            bpf.JumpIfAtLeast(SyscallTable.X32Bit, "kill");
        }

        bpf.JumpIfEqual(table["socket"], "socket");
        bpf.JumpIfEqual(table["ioctl"], "ioctl");
        bpf.JumpIfEqual(table["clone"], "clone");
        foreach (var name in Killed.Where(table.Numbers.ContainsKey))
        {
            bpf.JumpIfEqual(table[name], "kill");
        }

        foreach (var name in NotImplemented)
        {
            bpf.JumpIfEqual(table[name], "enosys");
        }

        foreach (var name in Refused)
        {
            bpf.JumpIfEqual(table[name], "eperm");
        }

        bpf.Ret(Allow);
    }

    private static void EmitArgumentChecks(BpfAssembler bpf)
    {
        bpf.Label("socket");
        bpf.Load(Arg0);
        bpf.JumpIfEqual(AF_UNIX, "allow");
        bpf.JumpIfEqual(AF_NETLINK, "netlink", "kill");
        bpf.Label("netlink");
        bpf.Load(Arg2);
        bpf.JumpIfEqual(NETLINK_ROUTE, "allow", "kill");

        bpf.Label("ioctl");
        bpf.Load(Arg1);
        bpf.JumpIfEqual(TIOCSTI, "kill");
        bpf.JumpIfEqual(TIOCLINUX, "kill", "allow");

        bpf.Label("clone");
        bpf.Load(Arg0);
        bpf.JumpIfAnyBit(CloneNamespaceFlags, "kill");
        bpf.Ret(Allow);
    }
}
