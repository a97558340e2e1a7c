using Ratchet.Sandbox.Native;

namespace Ratchet.Sandbox.Staging;

/// <summary>Gives staged files one fixed access and modification time, so nothing in them tells when (or for
/// which kind of run) they were staged.</summary>
internal static class FixedTimes
{
    /// <summary>2000-01-01T00:00:00Z.</summary>
    public static DateTimeOffset Instant { get; } = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly Libc.Timespec Fixed = new() { Seconds = Instant.ToUnixTimeSeconds() };

    public static unsafe void Apply(string path)
    {
        var times = stackalloc Libc.Timespec[2] { Fixed, Fixed };
        if (Libc.utimensat(Libc.AT_FDCWD, path, times, Libc.AT_SYMLINK_NOFOLLOW) != 0)
        {
            throw new IOException($"cannot set the time of {path}: {Libc.LastError()}");
        }
    }

    /// <summary>The same for a file open as <paramref name="fd"/> (<paramref name="path"/> names it in errors).</summary>
    public static unsafe void Apply(int fd, string path)
    {
        var times = stackalloc Libc.Timespec[2] { Fixed, Fixed };
        if (Libc.futimens(fd, times) != 0)
        {
            throw new IOException($"cannot set the time of {path}: {Libc.LastError()}");
        }
    }
}
