namespace Ratchet.Tasks;

/// <summary>What a protected path is on disk.</summary>
public enum ProtectedFileKind
{
    /// <summary>A regular file, hashed by content.</summary>
    File,
    /// <summary>A symlink, recorded by its target text and never followed.</summary>
    Symlink,
    /// <summary>A FIFO, socket or device: recorded, never opened.</summary>
    Special,
    /// <summary>A file or folder Ratchet could not read; recorded so that a later change still shows.</summary>
    Unreadable,
}

/// <summary>One protected path of a task folder and the fingerprint of its content.</summary>
/// <param name="Path">Task-relative path with '/' separators.</param>
/// <param name="Size">Bytes of content (of the link target text for a symlink).</param>
/// <param name="Sha256">Lowercase hex SHA-256 of the content (of the link target text for a symlink); empty when not hashed.</param>
/// <param name="LinkTarget">The link's target as written, for a symlink.</param>
public sealed record ProtectedFile(string Path, ProtectedFileKind Kind, long Size, string Sha256, string? LinkTarget = null);
