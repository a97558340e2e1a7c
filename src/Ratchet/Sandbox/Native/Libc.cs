using System.Runtime.InteropServices;

namespace Ratchet.Sandbox.Native;

/// <summary>The few libc calls the sandbox needs that .NET does not expose.</summary>
internal static partial class Libc
{
    internal const int SIGKILL = 9;
    internal const int SIGXCPU = 24;
    internal const int SIGXFSZ = 25;
    internal const int SIGSYS = 31;

    internal const ulong MS_NOSUID = 2;
    internal const ulong MS_NODEV = 4;
    internal const int MNT_DETACH = 2;

    internal const int AT_FDCWD = -100;
    internal const int AT_SYMLINK_NOFOLLOW = 0x100;

    internal const int O_RDONLY = 0;
    internal const int O_WRONLY = 1;
    internal const int O_RDWR = 2;
    internal const int O_CREAT = 0x40;
    internal const int O_EXCL = 0x80;
    internal const int O_TRUNC = 0x200;
    internal const int O_NOFOLLOW = 0x20000;
    internal const int O_CLOEXEC = 0x80000;
    internal const int LOCK_EX = 2;
    internal const int LOCK_NB = 4;

    internal const int F_DUPFD_CLOEXEC = 1030;
    internal const int F_GETFD = 1;
    internal const int F_SETFD = 2;
    internal const int FD_CLOEXEC = 1;
    internal const int CLOSE_RANGE_CLOEXEC = 4;

    internal const int EPERM = 1;
    internal const int EINTR = 4;
    internal const int ECHILD = 10;
    internal const int ESRCH = 3;

    internal const int RLIMIT_CPU = 0;
    internal const int RLIMIT_FSIZE = 1;
    internal const int RLIMIT_CORE = 4;
    internal const int RLIMIT_NOFILE = 7;
    internal const int EBUSY = 16;
    internal const int EINVAL = 22;
    internal const int ENOENT = 2;

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int mount(string source, string target, string fstype, ulong flags, string? data);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int umount2(string target, int flags);

    [LibraryImport("libc", SetLastError = true)]
    internal static partial int kill(int pid, int signal);

    [LibraryImport("libc")]
    internal static partial uint geteuid();

    [LibraryImport("libc", SetLastError = true)]
    internal static partial int fcntl(int fd, int command, int argument);

    [LibraryImport("libc", SetLastError = true)]
    internal static partial int close_range(uint first, uint last, int flags);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int open(string path, int flags, uint mode);

    [LibraryImport("libc", SetLastError = true)]
    internal static partial int close(int fd);

    [LibraryImport("libc", SetLastError = true)]
    internal static partial int flock(int fd, int operation);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int lchown(string path, uint owner, uint group);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int chmod(string path, uint mode);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static unsafe partial int utimensat(int dirfd, string path, Timespec* times, int flags);

    [LibraryImport("libc", SetLastError = true)]
    internal static unsafe partial int futimens(int fd, Timespec* times);

    [LibraryImport("libc", SetLastError = true)]
    internal static partial int fchmod(int fd, uint mode);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static unsafe partial int statx(int dirfd, string path, int flags, uint mask, byte* buffer);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int mkfifo(string path, uint mode);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int link(string existing, string created);

    [LibraryImport("libc", SetLastError = true)]
    internal static unsafe partial int pipe2(int* fds, int flags);

    [LibraryImport("libc", SetLastError = true)]
    internal static partial int waitpid(int pid, out int status, int options);

    [LibraryImport("libc", SetLastError = true)]
    internal static unsafe partial int prlimit(int pid, int resource, Rlimit* newLimit, Rlimit* oldLimit);

    [LibraryImport("libc", SetLastError = true)]
    internal static unsafe partial nint write(int fd, byte* buffer, nint count);

    [LibraryImport("libc", SetLastError = true)]
    internal static unsafe partial nint read(int fd, byte* buffer, nint count);

    [LibraryImport("libc", SetLastError = true)]
    internal static unsafe partial nint pread(int fd, byte* buffer, nint count, long offset);

    /// <summary>struct rlimit on 64-bit Linux.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct Rlimit
    {
        public ulong Soft;
        public ulong Hard;
    }

    /// <summary>struct timespec on 64-bit Linux.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    internal static string LastError() => Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError());

    internal static int LastErrno() => Marshal.GetLastPInvokeError();

    /// <summary>A pipe, both ends close-on-exec.</summary>
    internal static unsafe (int Read, int Write) Pipe()
    {
        var fds = stackalloc int[2];
        Check(pipe2(fds, O_CLOEXEC), "pipe2");
        return (fds[0], fds[1]);
    }

    /// <summary>Writes every byte, retrying on EINTR and short writes; false on failure, with errno left for
    /// <see cref="LastError"/>.</summary>
    internal static unsafe bool WriteAll(int fd, ReadOnlySpan<byte> bytes)
    {
        fixed (byte* start = bytes)
        {
            var done = 0;
            while (done < bytes.Length)
            {
                var written = write(fd, start + done, bytes.Length - done);
                if (written < 0 && LastErrno() == EINTR)
                {
                    continue;
                }

                if (written <= 0)
                {
                    return false;
                }

                done += (int)written;
            }
        }

        return true;
    }

    /// <summary>Throws with errno's message when a call returned a negative value.</summary>
    internal static int Check(int result, string what) =>
        result >= 0 ? result : throw new InvalidOperationException($"{what} failed: {LastError()}");
}
