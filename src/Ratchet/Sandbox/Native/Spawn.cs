using System.Runtime.InteropServices;
using System.Text;

namespace Ratchet.Sandbox.Native;

/// <summary>posix_spawn with exactly the descriptors, signal state and working folder a sandbox launcher needs.</summary>
/// <remarks>glibc runs the file actions in a CLONE_VM|CLONE_VFORK child, so no managed code runs between fork and
/// exec and the parent's page tables are not copied. The child gets: stdin from /dev/null, the descriptors in
/// <see cref="SpawnRequest.Descriptors"/> at their target numbers (dup2 clears close-on-exec), every other descriptor
/// closed (below <see cref="SpawnRequest.CloseFrom"/> one by one, from it up by closefrom), default handlers and an empty mask for every signal, and
/// the given working folder. It inherits the calling thread's credentials (see <see cref="ThreadCredentials"/>).
/// Needs glibc 2.34 (closefrom) and 2.29 (chdir); <see cref="IsAvailable"/> says whether this libc has them.</remarks>
internal static unsafe partial class Spawn
{
    private const short POSIX_SPAWN_SETSIGDEF = 0x04;
    private const short POSIX_SPAWN_SETSIGMASK = 0x08;
    private const int O_RDONLY = 0;

    /// <summary>Room for posix_spawnattr_t (336 bytes on x86-64 glibc), posix_spawn_file_actions_t (80) and sigset_t (128).</summary>
    private const int OpaqueBytes = 1024;

    private static readonly Lazy<bool> Available = new(() =>
        NativeLibrary.TryLoad("libc.so.6", out var libc)
        && NativeLibrary.TryGetExport(libc, "posix_spawn_file_actions_addclosefrom_np", out _)
        && NativeLibrary.TryGetExport(libc, "posix_spawn_file_actions_addchdir_np", out _));

    /// <summary>Whether this libc has every call <see cref="Start"/> uses.</summary>
    public static bool IsAvailable => OperatingSystem.IsLinux() && Available.Value;

    /// <summary>Starts the program; returns its pid. Throws with the libc error when it cannot be started.</summary>
    public static int Start(SpawnRequest request)
    {
        if (request.Descriptors.Any(pair => pair.Key < 1 || pair.Key >= request.CloseFrom || pair.Value < request.CloseFrom))
        {
            throw new ArgumentException($"descriptors must go from {request.CloseFrom} or above to 1..{request.CloseFrom - 1}", nameof(request));
        }

        var actions = NativeMemory.AllocZeroed(OpaqueBytes);
        var attributes = NativeMemory.AllocZeroed(OpaqueBytes);
        var signals = NativeMemory.AllocZeroed(OpaqueBytes);
        var strings = new List<nint>();
        try
        {
            Check(posix_spawn_file_actions_init(actions), "posix_spawn_file_actions_init");
            Check(posix_spawnattr_init(attributes), "posix_spawnattr_init");
            try
            {
                Check(posix_spawn_file_actions_addopen(actions, 0, "/dev/null", O_RDONLY, 0), "addopen /dev/null");
                for (var target = 1; target < request.CloseFrom; target++)
                {
                    // A descriptor not given is closed; glibc ignores closing one that is not open.
                    Check(request.Descriptors.TryGetValue(target, out var source)
                        ? posix_spawn_file_actions_adddup2(actions, source, target)
                        : posix_spawn_file_actions_addclose(actions, target), $"descriptor {target}");
                }

                Check(posix_spawn_file_actions_addclosefrom_np(actions, request.CloseFrom), "addclosefrom_np");
                Check(posix_spawn_file_actions_addchdir_np(actions, request.WorkingDirectory), "addchdir_np");

                sigfillset(signals);
                Check(posix_spawnattr_setsigdefault(attributes, signals), "setsigdefault");
                sigemptyset(signals);
                Check(posix_spawnattr_setsigmask(attributes, signals), "setsigmask");
                Check(posix_spawnattr_setflags(attributes, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK), "setflags");

                var argv = Strings(request.Argv, strings);
                var envp = Strings(request.Environment.Select(pair => pair.Key + "=" + pair.Value).ToList(), strings);
                var error = posix_spawn(out var pid, (byte*)argv[0], actions, attributes, argv, envp);
                if (error != 0)
                {
                    throw new InvalidOperationException($"cannot start {request.Argv[0]}: {Marshal.GetPInvokeErrorMessage(error)}");
                }

                return pid;
            }
            finally
            {
                posix_spawn_file_actions_destroy(actions);
                posix_spawnattr_destroy(attributes);
            }
        }
        finally
        {
            foreach (var text in strings)
            {
                NativeMemory.Free((void*)text);
            }

            NativeMemory.Free(actions);
            NativeMemory.Free(attributes);
            NativeMemory.Free(signals);
        }
    }

    /// <summary>A NULL-terminated array of NUL-terminated UTF-8 strings, every allocation listed in <paramref name="owned"/>.</summary>
    private static byte** Strings(IReadOnlyList<string> values, List<nint> owned)
    {
        var array = (byte**)NativeMemory.AllocZeroed((nuint)(values.Count + 1), (nuint)sizeof(nint));
        owned.Add((nint)array);
        for (var i = 0; i < values.Count; i++)
        {
            var bytes = Encoding.UTF8.GetBytes(values[i]);
            if (Array.IndexOf(bytes, (byte)0) >= 0)
            {
                throw new ArgumentException($"a launcher argument or variable contains a NUL byte: '{values[i].Replace("\0", "\\0", StringComparison.Ordinal)}'");
            }

            var text = (byte*)NativeMemory.Alloc((nuint)bytes.Length + 1);
            owned.Add((nint)text);
            bytes.CopyTo(new Span<byte>(text, bytes.Length));
            text[bytes.Length] = 0;
            array[i] = text;
        }

        return array;
    }

    private static void Check(int error, string call)
    {
        if (error != 0)
        {
            throw new InvalidOperationException($"{call} failed: {Marshal.GetPInvokeErrorMessage(error)}");
        }
    }

    [LibraryImport("libc")]
    private static partial int posix_spawn(out int pid, byte* path, void* actions, void* attributes, byte** argv, byte** envp);

    [LibraryImport("libc")]
    private static partial int posix_spawn_file_actions_init(void* actions);

    [LibraryImport("libc")]
    private static partial int posix_spawn_file_actions_destroy(void* actions);

    [LibraryImport("libc")]
    private static partial int posix_spawn_file_actions_adddup2(void* actions, int fd, int newFd);

    [LibraryImport("libc")]
    private static partial int posix_spawn_file_actions_addclose(void* actions, int fd);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int posix_spawn_file_actions_addopen(void* actions, int fd, string path, int flags, uint mode);

    [LibraryImport("libc")]
    private static partial int posix_spawn_file_actions_addclosefrom_np(void* actions, int from);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int posix_spawn_file_actions_addchdir_np(void* actions, string path);

    [LibraryImport("libc")]
    private static partial int posix_spawnattr_init(void* attributes);

    [LibraryImport("libc")]
    private static partial int posix_spawnattr_destroy(void* attributes);

    [LibraryImport("libc")]
    private static partial int posix_spawnattr_setflags(void* attributes, short flags);

    [LibraryImport("libc")]
    private static partial int posix_spawnattr_setsigmask(void* attributes, void* mask);

    [LibraryImport("libc")]
    private static partial int posix_spawnattr_setsigdefault(void* attributes, void* signals);

    [LibraryImport("libc")]
    private static partial int sigemptyset(void* set);

    [LibraryImport("libc")]
    private static partial int sigfillset(void* set);
}

/// <summary>One program to spawn.</summary>
/// <param name="Argv">argv; argv[0] is the absolute path executed.</param>
/// <param name="Environment">The complete environment.</param>
/// <param name="Descriptors">target descriptor number in the child → descriptor in this process.</param>
/// <param name="CloseFrom">Every descriptor from this number up is closed in the child.</param>
/// <param name="WorkingDirectory">The child's working folder.</param>
internal sealed record SpawnRequest(
    IReadOnlyList<string> Argv,
    IReadOnlyList<KeyValuePair<string, string>> Environment,
    IReadOnlyDictionary<int, int> Descriptors,
    int CloseFrom,
    string WorkingDirectory);
