namespace Ratchet.Common;

/// <summary>What kind of directory entry a path is, without following a final symlink.</summary>
public enum FileKind
{
    Missing,
    Regular,
    Directory,
    Symlink,
    /// <summary>A FIFO, socket or device: never opened, because reading one can block or have side effects.</summary>
    Special,
}

/// <summary>The identity and change stamps of a file as the kernel reports them (<c>lstat</c>-like: links are not followed).</summary>
/// <param name="Device">Device id (major &lt;&lt; 32 | minor).</param>
/// <param name="Inode">Inode number.</param>
/// <param name="Size">Size in bytes.</param>
/// <param name="MtimeNs">Last modification, nanoseconds since the Unix epoch.</param>
/// <param name="CtimeNs">Last status change, nanoseconds since the Unix epoch (cannot be set by a user).</param>
public readonly record struct FileStamp(FileKind Kind, ulong Device, ulong Inode, long Size, long MtimeNs, long CtimeNs);
