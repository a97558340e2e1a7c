using System.Buffers;
using System.Text;
using Ratchet.Sandbox.Native;

namespace Ratchet.Sandbox.Cgroups;

/// <summary>Reads cgroup files (flat-keyed, "key value" per line, and single values) and writes them.</summary>
/// <remarks>A running sandbox's cgroup is read every poll interval, so reads go straight to open/pread/close (and the
/// account files stay open: <see cref="CgroupFile"/>): .NET's file streams add an fstat, a lock and buffers per read,
/// and on a paravirtualised host every system call counts (bench/RESULTS.md, "Core").</remarks>
internal static class KeyedFile
{
    /// <summary>The value of <paramref name="key"/> in flat-keyed text, or 0 when absent.</summary>
    private static long ValueIn(ReadOnlySpan<char> text, string key)
    {
        foreach (var line in text.EnumerateLines())
        {
            var space = line.IndexOf(' ');
            if (space > 0 && line[..space].SequenceEqual(key) && long.TryParse(line[(space + 1)..].Trim(), out var value))
            {
                return value;
            }
        }

        return 0;
    }

    /// <summary>The value of <paramref name="key"/> in the file at <paramref name="path"/>, or 0 when the file or key is missing.</summary>
    public static long Read(string path, string key) => Value(TryReadAll(path), key);

    /// <summary>The value of <paramref name="key"/> in flat-keyed text, or 0 when the text is missing or lacks it.</summary>
    public static long Value(string? text, string key) => text is null ? 0 : ValueIn(text, key);

    /// <summary>A file holding one integer; 0 when missing or unparsable ("max" included).</summary>
    public static long ReadSingle(string path) => Single(TryReadAll(path));

    /// <summary>Text holding one integer; 0 when missing or unparsable ("max" included).</summary>
    public static long Single(string? text) => long.TryParse(text?.Trim(), out var value) ? value : 0;

    /// <summary>The file's text, or null when it cannot be opened or read.</summary>
    public static string? TryReadAll(string path)
    {
        var fd = Libc.open(path, Libc.O_RDONLY | Libc.O_CLOEXEC, 0);
        if (fd < 0)
        {
            return null;
        }

        try
        {
            return ReadAll(fd);
        }
        finally
        {
            Libc.close(fd);
        }
    }

    /// <summary>Writes <paramref name="value"/> to a kernel file (a cgroup limit, <c>cgroup.procs</c>) with
    /// one open, write and close: .NET's File.WriteAllText adds fstatfs, flock, ftruncate and lseek calls.</summary>
    /// <exception cref="IOException">The file cannot be opened or the kernel refuses the value; the message names both.</exception>
    public static void Write(string path, string value)
    {
        // The flags a shell's "echo value > file" uses (so a plain file, as in the unit tests, takes the value too).
        var fd = Libc.open(path, Libc.O_WRONLY | Libc.O_CREAT | Libc.O_TRUNC | Libc.O_CLOEXEC, 0x1a4);
        if (fd < 0)
        {
            throw new IOException($"cannot open {path}: {Libc.LastError()}");
        }

        try
        {
            if (!Libc.WriteAll(fd, Encoding.ASCII.GetBytes(value)))
            {
                throw new IOException($"cannot write \"{value}\" to {path}: {Libc.LastError()}");
            }
        }
        finally
        {
            Libc.close(fd);
        }
    }

    /// <summary>Everything in the open file <paramref name="fd"/> from offset 0 (pread: the file position is neither
    /// used nor moved), or null when it cannot be read.</summary>
    public static unsafe string? ReadAll(int fd)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        try
        {
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                nint read;
                fixed (byte* start = &buffer[length])
                {
                    read = Libc.pread(fd, start, buffer.Length - length, length);
                }

                if (read == 0)
                {
                    return Encoding.UTF8.GetString(buffer, 0, length);
                }

                if (read < 0 && Libc.LastErrno() != Libc.EINTR)
                {
                    return null;
                }

                length += (int)Math.Max(read, 0);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
