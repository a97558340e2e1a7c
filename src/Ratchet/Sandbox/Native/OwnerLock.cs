namespace Ratchet.Sandbox.Native;

/// <summary>An exclusive flock on a file, held while a process owns sandbox state; the kernel drops it when the
/// process dies, so a free lock marks state left behind by a killed Ratchet.</summary>
internal sealed class OwnerLock : IDisposable
{
    private int _fd;

    private OwnerLock(int fd) => _fd = fd;

    /// <summary>Takes the lock without waiting; null when another live process holds it.</summary>
    public static OwnerLock? TryAcquire(string path)
    {
        var fd = Libc.open(path, Libc.O_RDWR | Libc.O_CREAT | Libc.O_CLOEXEC, 0x180);
        if (fd < 0)
        {
            throw new IOException($"cannot open lock file {path}: {Libc.LastError()}");
        }

        if (Libc.flock(fd, Libc.LOCK_EX | Libc.LOCK_NB) != 0)
        {
            Libc.close(fd);
            return null;
        }

        return new OwnerLock(fd);
    }

    public void Dispose()
    {
        var fd = Interlocked.Exchange(ref _fd, -1);
        if (fd >= 0)
        {
            Libc.close(fd);
        }
    }
}
