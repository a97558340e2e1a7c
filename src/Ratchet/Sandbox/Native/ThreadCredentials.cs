using System.Runtime.InteropServices;

namespace Ratchet.Sandbox.Native;

/// <summary>Runs an action with the calling *thread* (not the process) switched to another uid and gid, so a child
/// spawned from it starts as that identity, then switches back.</summary>
/// <remarks>Linux keeps credentials per thread; glibc's setresuid() changes them on every thread of the process, the
/// raw system calls used here only on the calling one. The switch keeps the saved uid (root), so the thread can
/// come back, and the kernel clears the effective capabilities while the effective uid is not 0. A child spawned in
/// between has real, effective and saved uid root-less after its exec (exec sets the saved ids to the effective
/// ones), and a non-root exec of a file without file capabilities leaves it with no permitted, effective or
/// ambient capability. Supplementary groups are emptied. Used only from the launcher thread, which runs nothing
/// else meanwhile. Changing the effective uid makes the kernel mark the process not dumpable; the flag is put back
/// by the last thread to leave, so overlapping callers cannot leave it cleared.</remarks>
internal static unsafe partial class ThreadCredentials
{
    private const int PR_GET_DUMPABLE = 3;
    private const int PR_SET_DUMPABLE = 4;

    private static readonly Lock DumpableLock = new();
    private static int _inside;
    private static int _dumpableBefore = -1;

    /// <summary>Whether raw credential calls are known for this architecture.</summary>
    public static bool IsSupported => Numbers() is not null;

    /// <summary>Runs <paramref name="action"/> with this thread's real and effective uid and gid set to the given ids
    /// and no supplementary groups; restores them afterwards, whatever the action did.</summary>
    public static T RunAs<T>(int uid, int gid, Func<T> action)
    {
        var numbers = Numbers() ?? throw new PlatformNotSupportedException($"per-thread credentials are not known for {RuntimeInformation.ProcessArchitecture}");
        Libc.Check(getresuid(out var ruid, out var euid, out var suid), "getresuid");
        Libc.Check(getresgid(out var rgid, out var egid, out var sgid), "getresgid");
        var groups = CurrentGroups();
        Enter();
        try
        {
            Raw(numbers.SetGroups, 0, 0, 0, "setgroups(0)");
            Raw(numbers.SetResGid, gid, gid, -1, $"setresgid({gid})");
            Raw(numbers.SetResUid, uid, uid, -1, $"setresuid({uid})");
            return action();
        }
        finally
        {
            // Uid first: only with the effective uid back at root may the thread set its groups again.
            Raw(numbers.SetResUid, ruid, euid, suid, "restoring the launcher thread's uid");
            Raw(numbers.SetResGid, rgid, egid, sgid, "restoring the launcher thread's gid");
            fixed (uint* list = groups)
            {
                Raw(numbers.SetGroups, groups.Length, (long)list, 0, "restoring the launcher thread's groups");
            }

            Leave();
        }
    }

    // The flag is the process's, not the thread's: the first thread in notes it, the last one out puts it back
    // (after its own switch back, which clears it once more).
    private static void Enter()
    {
        lock (DumpableLock)
        {
            if (_inside++ == 0)
            {
                _dumpableBefore = prctl(PR_GET_DUMPABLE, 0, 0, 0, 0);
            }
        }
    }

    private static void Leave()
    {
        lock (DumpableLock)
        {
            if (--_inside == 0 && _dumpableBefore >= 0)
            {
                prctl(PR_SET_DUMPABLE, (ulong)_dumpableBefore, 0, 0, 0);
            }
        }
    }

    private static uint[] CurrentGroups()
    {
        var count = getgroups(0, null);
        var groups = new uint[Math.Max(count, 0)];
        fixed (uint* list = groups)
        {
            Libc.Check(getgroups(groups.Length, list), "getgroups");
        }

        return groups;
    }

    private static void Raw(long number, long a, long b, long c, string what)
    {
        if (syscall(number, a, b, c) != 0)
        {
            throw new InvalidOperationException($"{what} failed on the launcher thread: {Libc.LastError()}");
        }
    }

    private static SyscallNumbers? Numbers() => RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 => new SyscallNumbers(SetGroups: 116, SetResUid: 117, SetResGid: 119),
        Architecture.Arm64 => new SyscallNumbers(SetGroups: 159, SetResUid: 147, SetResGid: 149),
        _ => null,
    };

    private sealed record SyscallNumbers(long SetGroups, long SetResUid, long SetResGid);

    [LibraryImport("libc", SetLastError = true)]
    private static partial long syscall(long number, long a, long b, long c);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int getresuid(out int real, out int effective, out int saved);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int getresgid(out int real, out int effective, out int saved);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int getgroups(int size, uint* list);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int prctl(int option, ulong a, ulong b, ulong c, ulong d);
}
