namespace Ratchet.Sandbox.Native;

/// <summary>What <c>lstat</c> says about a path (via statx, whose layout is the same on every architecture).</summary>
internal readonly record struct FileStatus(FileKind Kind, uint LinkCount, long Size, uint Mode, uint Uid)
{
    private const uint StatxBasicStats = 0x7ff;

    /// <summary>Never follows a final symbolic link; null when the path does not exist.</summary>
    public static FileStatus? Lstat(string path) => Query(path, Libc.AT_SYMLINK_NOFOLLOW);

    /// <summary>Follows symbolic links; null when the path does not exist.</summary>
    public static FileStatus? Stat(string path) => Query(path, 0);

    private static unsafe FileStatus? Query(string path, int flags)
    {
        var buffer = stackalloc byte[256];
        if (Libc.statx(Libc.AT_FDCWD, path, flags, StatxBasicStats, buffer) != 0)
        {
            return Libc.LastErrno() == Libc.ENOENT
                ? null
                : throw new IOException($"statx {path}: {Libc.LastError()}");
        }

        var nlink = *(uint*)(buffer + 16);
        var uid = *(uint*)(buffer + 20);
        var mode = *(ushort*)(buffer + 28);
        var size = *(long*)(buffer + 40);
        return new FileStatus(KindOf(mode), nlink, size, (uint)mode & 0xfff, uid);
    }

    internal static FileKind KindOf(uint mode) => (mode & 0xf000) switch
    {
        0x8000 => FileKind.Regular,
        0x4000 => FileKind.Directory,
        0xa000 => FileKind.SymbolicLink,
        0x1000 => FileKind.Fifo,
        0xc000 => FileKind.Socket,
        0x2000 => FileKind.CharacterDevice,
        0x6000 => FileKind.BlockDevice,
        _ => FileKind.Unknown,
    };
}

/// <summary>The file type bits of a mode.</summary>
internal enum FileKind
{
    Unknown,
    Regular,
    Directory,
    SymbolicLink,
    Fifo,
    Socket,
    CharacterDevice,
    BlockDevice,
}
