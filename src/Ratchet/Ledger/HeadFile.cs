using System.Text;
using Microsoft.Win32.SafeHandles;
using Ratchet.Sandbox.Native;

namespace Ratchet.Ledger;

/// <summary>The last known (seq, hash) of a store's ledger, kept outside the database (in <see cref="RatchetHome"/>)
/// so that cutting the tail off the database is detected. Only ever moves forward.</summary>
/// <remarks>Every commit advances it, so it is written in place: one small pwrite at offset 0 under an exclusive
/// flock on the file itself (readers take a shared one), never a temporary file and a rename. The record only grows
/// (the sequence number never gets shorter), so a write never leaves old bytes behind; a SIGKILL cannot split a
/// write this small. This costs a tenth of the rename it replaced (bench/RESULTS.md, "Core").</remarks>
public sealed class HeadFile(RatchetHome home, string storeId)
{
    private const int LOCK_SH = 1;
    private const int RecordBytes = 256;

    private bool _directoryMade;

    public string Path { get; } = System.IO.Path.Combine(home.HeadsDirectory, storeId + ".head");

    /// <summary>The recorded head, or null when none was ever written.</summary>
    public (long Seq, string Hash)? Read()
    {
        var fd = Libc.open(Path, Libc.O_RDONLY | Libc.O_CLOEXEC, 0);
        if (fd < 0)
        {
            return Libc.LastErrno() == Libc.ENOENT ? null : throw new IOException($"cannot open the ledger head {Path}: {Libc.LastError()}");
        }
        using var handle = new SafeFileHandle(fd, ownsHandle: true);
        Lock(handle, LOCK_SH);
        return Parse(handle);
    }

    /// <summary>Records <paramref name="seq"/>/<paramref name="hash"/> unless a later head is already recorded
    /// (another process may have committed after us).</summary>
    public void Advance(long seq, string hash)
    {
        if (!_directoryMade)
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            _directoryMade = true;
        }
        var fd = Libc.open(Path, Libc.O_RDWR | Libc.O_CREAT | Libc.O_CLOEXEC, 0x180);
        if (fd < 0)
        {
            throw new IOException($"cannot open the ledger head {Path}: {Libc.LastError()}");
        }
        // Closing the descriptor drops the lock.
        using var handle = new SafeFileHandle(fd, ownsHandle: true);
        Lock(handle, Libc.LOCK_EX);
        if (Parse(handle) is { } current && current.Seq >= seq)
            return;
        var record = Encoding.ASCII.GetBytes($"{seq} {hash}\n");
        RandomAccess.Write(handle, record, 0);
        if (RandomAccess.GetLength(handle) > record.Length)
            RandomAccess.SetLength(handle, record.Length);
    }

    private void Lock(SafeFileHandle handle, int operation)
    {
        while (Libc.flock((int)handle.DangerousGetHandle(), operation) != 0)
        {
            if (Libc.LastErrno() != Libc.EINTR)
                throw new IOException($"cannot lock the ledger head {Path}: {Libc.LastError()}");
        }
    }

    private static (long Seq, string Hash)? Parse(SafeFileHandle handle)
    {
        Span<byte> buffer = stackalloc byte[RecordBytes];
        var read = RandomAccess.Read(handle, buffer, 0);
        return Parse(Encoding.ASCII.GetString(buffer[..read]));
    }

    private static (long Seq, string Hash)? Parse(string text)
    {
        var parts = text.Trim().Split(' ');
        return parts.Length == 2 && long.TryParse(parts[0], out var seq) ? (seq, parts[1]) : null;
    }
}
