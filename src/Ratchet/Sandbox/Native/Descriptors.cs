namespace Ratchet.Sandbox.Native;

/// <summary>Keeps host file descriptors out of sandboxed children.</summary>
internal static class Descriptors
{
    /// <summary>Marks every descriptor above stderr close-on-exec, so a child sees only the ones it is given.</summary>
    /// <remarks>bwrap passes inherited descriptors on to the command (CVE-2017-5226 class); whatever opened them
    /// (a test host, a parent shell) did not necessarily set O_CLOEXEC.</remarks>
    public static void MarkInheritedCloseOnExec()
    {
        if (Libc.close_range(3, uint.MaxValue, Libc.CLOSE_RANGE_CLOEXEC) == 0)
        {
            return;
        }

        // Kernels before 5.11 lack CLOSE_RANGE_CLOEXEC: walk the table instead.
        foreach (var entry in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
        {
            if (int.TryParse(Path.GetFileName(entry), out var fd) && fd > 2)
            {
                var flags = Libc.fcntl(fd, Libc.F_GETFD, 0);
                if (flags >= 0 && (flags & Libc.FD_CLOEXEC) == 0)
                {
                    Libc.fcntl(fd, Libc.F_SETFD, flags | Libc.FD_CLOEXEC);
                }
            }
        }
    }
}
