using System.Runtime.InteropServices;
using System.Text;

namespace Ratchet.Common;

/// <summary>Replaces the current process with a fresh start of the same command line (same executable, same
/// arguments, byte for byte) under a changed environment: the way to give one verb runtime settings that the runtime
/// reads only at start-up. The process keeps its id, its open standard streams and its parent, so whoever started it
/// (a shell, a test, a supervisor sending signals) sees no difference. Linux only.</summary>
public static unsafe partial class SelfExec
{
    /// <summary>Starts the command line again with <paramref name="set"/> added to the environment. Returns only when
    /// that failed (not Linux, /proc unreadable, execve refused), with the reason; the caller carries on as it
    /// was.</summary>
    public static string Replace(IReadOnlyDictionary<string, string> set)
    {
        if (!OperatingSystem.IsLinux())
            return "not Linux";
        byte[] commandLine;
        try
        {
            commandLine = File.ReadAllBytes("/proc/self/cmdline");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "cannot read /proc/self/cmdline: " + e.Message;
        }

        var argv = Split(commandLine);
        if (argv.Count == 0)
            return "empty /proc/self/cmdline";
        List<byte[]> environment;
        try
        {
            // The environment as the process received it, byte for byte (names and values need not be UTF-8).
            environment = Split(File.ReadAllBytes("/proc/self/environ"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "cannot read /proc/self/environ: " + e.Message;
        }

        environment.RemoveAll(variable => set.Keys.Any(name => Names(variable, name)));
        foreach (var (name, value) in set)
            environment.Add(Encoding.UTF8.GetBytes($"{name}={value}\0"));
        Console.Out.Flush();
        Console.Error.Flush();
        RemoveDiagnosticEndpoints();
        var owned = new List<GCHandle>();
        try
        {
            var args = Pinned(argv, owned);
            var envp = Pinned(environment, owned);
            // The executable's own path, not /proc/self/exe: the kernel names the process after the file it was
            // given, and `ps` and `pgrep` should still show Ratchet.Cli (or dotnet).
            var executable = Encoding.UTF8.GetBytes((Environment.ProcessPath ?? "/proc/self/exe") + "\0");
            fixed (byte* path = executable)
            fixed (byte** a = args, e = envp)
                execve(path, a, e);
            return "execve failed: " + Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError());
        }
        finally
        {
            foreach (var handle in owned)
                handle.Free();
        }
    }

    /// <summary>The runtime's diagnostic socket and debugger pipes are files named after the process id and start
    /// time, removed when the runtime shuts down; execve is no shutdown, and the restarted runtime (same id, same start
    /// time) would find the names taken. So this process's own are removed first (never another process's).</summary>
    private static void RemoveDiagnosticEndpoints()
    {
        var folder = Environment.GetEnvironmentVariable("TMPDIR") is { Length: > 0 } tmp ? tmp : "/tmp";
        var id = Environment.ProcessId;
        foreach (var pattern in new[] { $"dotnet-diagnostic-{id}-*-socket", $"clr-debug-pipe-{id}-*-in", $"clr-debug-pipe-{id}-*-out" })
        {
            try
            {
                foreach (var path in Directory.EnumerateFiles(folder, pattern))
                    File.Delete(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Left behind at worst, as after a crash; the restart goes on.
            }
        }
    }

    /// <summary>The NUL-terminated pieces of /proc/self/cmdline, each keeping its terminator.</summary>
    internal static List<byte[]> Split(ReadOnlySpan<byte> commandLine)
    {
        var pieces = new List<byte[]>();
        while (!commandLine.IsEmpty)
        {
            var end = commandLine.IndexOf((byte)0);
            var length = end < 0 ? commandLine.Length : end;
            var piece = new byte[length + 1];
            commandLine[..length].CopyTo(piece);
            pieces.Add(piece);
            commandLine = end < 0 ? default : commandLine[(end + 1)..];
        }

        return pieces;
    }

    /// <summary>Whether the NUL-terminated <c>NAME=value</c> <paramref name="variable"/> sets <paramref name="name"/>.</summary>
    private static bool Names(byte[] variable, string name)
    {
        var bytes = Encoding.UTF8.GetBytes(name + "=");
        return variable.AsSpan().StartsWith(bytes);
    }

    /// <summary>A NULL-terminated array of pointers to the pinned strings (each already NUL-terminated).</summary>
    private static byte*[] Pinned(List<byte[]> strings, List<GCHandle> owned)
    {
        var pointers = new byte*[strings.Count + 1];
        for (var i = 0; i < strings.Count; i++)
        {
            var handle = GCHandle.Alloc(strings[i], GCHandleType.Pinned);
            owned.Add(handle);
            pointers[i] = (byte*)handle.AddrOfPinnedObject();
        }

        return pointers;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int execve(byte* path, byte** argv, byte** envp);
}
