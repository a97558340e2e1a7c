namespace Ratchet.Sandbox.Seccomp;

/// <summary>System call numbers of one architecture, for the calls the filter names.</summary>
/// <param name="AuditArch">AUDIT_ARCH_* value seen in seccomp_data.arch.</param>
internal sealed record SyscallTable(string Name, uint AuditArch, IReadOnlyDictionary<string, uint> Numbers)
{
    public const uint X32Bit = 0x40000000;

    public uint this[string name] => Numbers[name];

    public static SyscallTable X86_64 { get; } = new("x86_64", 0xC000003E, new Dictionary<string, uint>
    {
        ["socket"] = 41, ["ioctl"] = 16, ["clone"] = 56, ["clone3"] = 435,
        ["ptrace"] = 101, ["process_vm_readv"] = 310, ["process_vm_writev"] = 311,
        ["keyctl"] = 250, ["add_key"] = 248, ["request_key"] = 249,
        ["bpf"] = 321, ["perf_event_open"] = 298,
        ["mount"] = 165, ["umount2"] = 166, ["pivot_root"] = 155,
        ["unshare"] = 272, ["setns"] = 308,
        ["kexec_load"] = 246, ["kexec_file_load"] = 320,
        ["init_module"] = 175, ["finit_module"] = 313, ["delete_module"] = 176,
        ["open_tree"] = 428, ["move_mount"] = 429, ["fsopen"] = 430, ["fsconfig"] = 431,
        ["fsmount"] = 432, ["fspick"] = 433, ["mount_setattr"] = 442,
        ["pidfd_getfd"] = 438, ["process_madvise"] = 440, ["open_by_handle_at"] = 304,
        ["swapon"] = 167, ["swapoff"] = 168, ["reboot"] = 169, ["acct"] = 163, ["syslog"] = 103,
        ["settimeofday"] = 164, ["clock_settime"] = 227, ["clock_adjtime"] = 305,
        ["vhangup"] = 153, ["quotactl"] = 179, ["quotactl_fd"] = 443, ["lookup_dcookie"] = 212,
        ["nfsservctl"] = 180, ["iopl"] = 172, ["ioperm"] = 173, ["uselib"] = 134,
        ["io_uring_setup"] = 425, ["io_uring_enter"] = 426, ["io_uring_register"] = 427,
        ["userfaultfd"] = 323,
    });

    public static SyscallTable Aarch64 { get; } = new("aarch64", 0xC00000B7, new Dictionary<string, uint>
    {
        ["socket"] = 198, ["ioctl"] = 29, ["clone"] = 220, ["clone3"] = 435,
        ["ptrace"] = 117, ["process_vm_readv"] = 270, ["process_vm_writev"] = 271,
        ["keyctl"] = 219, ["add_key"] = 217, ["request_key"] = 218,
        ["bpf"] = 280, ["perf_event_open"] = 241,
        ["mount"] = 40, ["umount2"] = 39, ["pivot_root"] = 41,
        ["unshare"] = 97, ["setns"] = 268,
        ["kexec_load"] = 104, ["kexec_file_load"] = 294,
        ["init_module"] = 105, ["finit_module"] = 273, ["delete_module"] = 106,
        ["open_tree"] = 428, ["move_mount"] = 429, ["fsopen"] = 430, ["fsconfig"] = 431,
        ["fsmount"] = 432, ["fspick"] = 433, ["mount_setattr"] = 442,
        ["pidfd_getfd"] = 438, ["process_madvise"] = 440, ["open_by_handle_at"] = 265,
        ["swapon"] = 224, ["swapoff"] = 225, ["reboot"] = 142, ["acct"] = 89, ["syslog"] = 116,
        ["settimeofday"] = 170, ["clock_settime"] = 112, ["clock_adjtime"] = 266,
        ["vhangup"] = 58, ["quotactl"] = 60, ["quotactl_fd"] = 443, ["lookup_dcookie"] = 18,
        ["nfsservctl"] = 42,
        ["io_uring_setup"] = 425, ["io_uring_enter"] = 426, ["io_uring_register"] = 427,
        ["userfaultfd"] = 282,
    });
}
