using Microsoft.Win32.SafeHandles;
using Ratchet.Sandbox.Native;

namespace Ratchet.Sandbox.Cgroups;

/// <summary>A cgroup account file (CPU, peak memory, OOM and fork counters) opened once and read from offset 0 each
/// time: the kernel makes the text afresh on every read from 0, so a poll costs one pread instead of an open, a
/// path walk through the cgroup file system, a read and a close.</summary>
/// <remarks>Not for <c>cgroup.procs</c>: on v1 a re-read of the same open file may list pids cached up to a second
/// earlier. Reads may come from two threads at once (the last check and the final reading); the handle is
/// reference-counted, so a read racing <see cref="Dispose"/> fails instead of reading a reused descriptor.</remarks>
internal sealed class CgroupFile(string path) : IDisposable
{
    private SafeFileHandle? _handle;
    private volatile bool _disposed;

    public string Path { get; } = path;

    /// <summary>The file's text, or null when it cannot be opened or read (the cgroup is gone, or this was disposed).</summary>
    public string? Read()
    {
        var handle = Open();
        if (handle is null)
        {
            return null;
        }

        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            return KeyedFile.ReadAll((int)handle.DangerousGetHandle());
        }
        catch (ObjectDisposedException)
        {
            return null;
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    public void Dispose()
    {
        _disposed = true;
        Interlocked.Exchange(ref _handle, null)?.Dispose();
    }

    private SafeFileHandle? Open()
    {
        if (_handle is not null || _disposed)
        {
            return _handle;
        }

        var fd = Libc.open(Path, Libc.O_RDONLY | Libc.O_CLOEXEC, 0);
        if (fd < 0)
        {
            return null;
        }

        var handle = new SafeFileHandle(fd, ownsHandle: true);
        var winner = Interlocked.CompareExchange(ref _handle, handle, null);
        if (winner is not null)
        {
            handle.Dispose();
            return winner;
        }

        if (_disposed)
        {
            // Disposed while opening: do not keep a descriptor nobody will close.
            Interlocked.Exchange(ref _handle, null)?.Dispose();
            return null;
        }

        return handle;
    }
}
