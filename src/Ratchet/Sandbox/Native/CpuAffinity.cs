using System.Runtime.InteropServices;

namespace Ratchet.Sandbox.Native;

/// <summary>Pins the processes a thread spawns to a set of CPUs. A child starts with the affinity of the thread that
/// forked it, and bwrap and everything it starts inherit it in turn, so setting the spawning thread's mask for the
/// moment of the spawn pins a whole sandbox without touching the rest of Ratchet.</summary>
/// <remarks>A candidate may widen its own mask again (sched_setaffinity needs no privilege for one's own processes);
/// pinning is for steady measurements, not a boundary.</remarks>
internal static unsafe partial class CpuAffinity
{
    /// <summary>Room for 1024 CPUs, glibc's cpu_set_t.</summary>
    private const int MaskBytes = 128;

    /// <summary>CPUs a mask can name (0 to this, exclusive).</summary>
    public const int MaxCpus = MaskBytes * 8;

    /// <summary>The CPUs this process may run on (its main thread's mask), in order.</summary>
    public static IReadOnlyList<int> Allowed()
    {
        var mask = stackalloc byte[MaskBytes];
        if (sched_getaffinity(Environment.ProcessId, MaskBytes, mask) != 0)
            return Enumerable.Range(0, Environment.ProcessorCount).ToArray();
        var cpus = new List<int>();
        for (var cpu = 0; cpu < MaskBytes * 8; cpu++)
        {
            if ((mask[cpu / 8] & (1 << (cpu % 8))) != 0)
                cpus.Add(cpu);
        }
        return cpus;
    }

    /// <summary>Runs <paramref name="spawn"/> with the calling thread pinned to <paramref name="cpus"/> (none: as it
    /// is), then puts the thread's mask back.</summary>
    public static T Spawning<T>(IReadOnlyList<int>? cpus, Func<T> spawn)
    {
        if (cpus is null || cpus.Count == 0)
            return spawn();
        var saved = stackalloc byte[MaskBytes];
        var pinned = stackalloc byte[MaskBytes];
        if (sched_getaffinity(0, MaskBytes, saved) != 0)
            throw new InvalidOperationException($"sched_getaffinity failed (errno {Marshal.GetLastPInvokeError()})");
        Mask(cpus, pinned);
        if (sched_setaffinity(0, MaskBytes, pinned) != 0)
            throw new InvalidOperationException($"cannot pin sandboxes to CPUs {CpuList.Format(cpus)} (errno {Marshal.GetLastPInvokeError()}): choose CPUs this process may use ({CpuList.Format(Allowed())})");
        try
        {
            return spawn();
        }
        finally
        {
            sched_setaffinity(0, MaskBytes, saved);
        }
    }

    /// <summary>Pins process <paramref name="pid"/> (its threads that exist now, and every process it starts from now
    /// on) to <paramref name="cpus"/>; false when the kernel refused (the process is gone, or the CPUs are not allowed).</summary>
    public static bool Pin(int pid, IReadOnlyList<int> cpus)
    {
        var pinned = stackalloc byte[MaskBytes];
        Mask(cpus, pinned);
        return sched_setaffinity(pid, MaskBytes, pinned) == 0;
    }

    private static void Mask(IReadOnlyList<int> cpus, byte* mask)
    {
        new Span<byte>(mask, MaskBytes).Clear();
        foreach (var cpu in cpus)
        {
            if (cpu is < 0 or >= MaxCpus)
                throw new ArgumentOutOfRangeException(nameof(cpus), $"CPU {cpu} is beyond the {MaxCpus} a mask holds");
            mask[cpu / 8] |= (byte)(1 << (cpu % 8));
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int sched_getaffinity(int pid, nuint size, byte* mask);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int sched_setaffinity(int pid, nuint size, byte* mask);
}
