using System.Runtime.InteropServices;

namespace Ratchet.Common;

/// <summary>The few file-system facts .NET does not expose: inode and change time (<c>statx</c>) and
/// symlink-free real paths (<c>realpath</c>). Linux only; elsewhere <see cref="TryStat"/> returns false and
/// <see cref="RealPath"/> falls back to resolving links with .NET.</summary>
public static partial class UnixFiles
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxBasicStats = 0x7ff;
    private const int StatxSize = 256;

    /// <summary>Stamps <paramref name="path"/> without following a final symlink. False when the kernel call is
    /// unavailable (not Linux, or statx blocked); <paramref name="stamp"/> is Missing when the path does not exist.</summary>
    public static bool TryStat(string path, out FileStamp stamp)
    {
        stamp = default;
        if (!OperatingSystem.IsLinux())
            return false;
        Span<byte> buffer = stackalloc byte[StatxSize];
        int result;
        try
        {
            unsafe
            {
                fixed (byte* b = buffer)
                    result = Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxBasicStats, b);
            }
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
        if (result != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            const int enoent = 2, enotdir = 20;
            if (errno is enoent or enotdir)
            {
                stamp = new FileStamp(FileKind.Missing, 0, 0, 0, 0, 0);
                return true;
            }
            return false;
        }
        // struct statx (linux/stat.h) has the same layout on every architecture; fields are native-endian.
        var mode = Read16(buffer, 28);
        stamp = new FileStamp(
            KindOf(mode),
            ((ulong)Read32(buffer, 136) << 32) | Read32(buffer, 140),
            Read64(buffer, 32),
            (long)Read64(buffer, 40),
            Nanoseconds(buffer, 112),
            Nanoseconds(buffer, 96));
        return true;
    }

    /// <summary>The absolute path of <paramref name="path"/> with every symlink resolved, or null when it does not exist.</summary>
    public static string? RealPath(string path)
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            var resolved = RealPathNative(path, IntPtr.Zero);
            if (resolved == IntPtr.Zero)
                return null;
            try
            {
                return Marshal.PtrToStringUTF8(resolved);
            }
            finally
            {
                Free(resolved);
            }
        }
        var info = new FileInfo(path);
        var target = info.ResolveLinkTarget(returnFinalTarget: true);
        var full = target?.FullName ?? info.FullName;
        return File.Exists(full) || Directory.Exists(full) ? full : null;
    }

    private static FileKind KindOf(ushort mode) => (mode & 0xF000) switch
    {
        0x8000 => FileKind.Regular,
        0x4000 => FileKind.Directory,
        0xA000 => FileKind.Symlink,
        _ => FileKind.Special,
    };

    private static long Nanoseconds(ReadOnlySpan<byte> b, int offset) =>
        (MemoryMarshal.Read<long>(b[offset..]) * 1_000_000_000L) + Read32(b, offset + 8);

    private static ushort Read16(ReadOnlySpan<byte> b, int offset) => MemoryMarshal.Read<ushort>(b[offset..]);

    private static uint Read32(ReadOnlySpan<byte> b, int offset) => MemoryMarshal.Read<uint>(b[offset..]);

    private static ulong Read64(ReadOnlySpan<byte> b, int offset) => MemoryMarshal.Read<ulong>(b[offset..]);

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int Statx(int dirfd, string path, int flags, uint mask, byte* buffer);

    [LibraryImport("libc", EntryPoint = "realpath", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr RealPathNative(string path, IntPtr resolved);

    [LibraryImport("libc", EntryPoint = "free")]
    private static partial void Free(IntPtr pointer);
}
