using Ratchet.Sandbox.Cgroups;
using Ratchet.Sandbox.Native;

namespace Ratchet.Sandbox.Staging;

/// <summary>Removes what a Ratchet process killed with SIGKILL left behind: its sandbox cgroups (processes killed
/// first), its tmpfs mounts and its staging folders. Only owners whose lock is free are touched, so live Ratchet
/// processes on the same state folder, and other state folders' cgroups, are left alone.</summary>
internal static class StaleState
{
    /// <summary>How long one clean-up waits, in all, for killed processes to leave their cgroups.</summary>
    internal static readonly TimeSpan KillWait = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan KillPoll = TimeSpan.FromMilliseconds(10);

    /// <param name="cgroupTag">Prefix of this state folder's cgroup names (<c>&lt;tag&gt;-&lt;owner&gt;-&lt;id&gt;</c>).</param>
    /// <param name="killWait">The wait for killed processes to leave their cgroups, shared by every stale cgroup
    /// (<see cref="KillWait"/> by default). A cgroup whose processes outlive it (stopped by a tracer, stuck in the
    /// kernel) is left for a later start: each start pays this wait at most once, however many there are.</param>
    public static void Clean(string stagingRoot, CgroupBackend? cgroups, string cgroupTag, string self, TimeSpan? killWait = null)
    {
        var locks = new List<OwnerLock>();
        try
        {
            var dead = new List<string>();
            foreach (var owner in Owners(stagingRoot, cgroups, cgroupTag).Where(owner => owner != self))
            {
                if (OwnerLock.TryAcquire(StagingArea.LockPath(stagingRoot, owner)) is { } ownerLock)
                {
                    locks.Add(ownerLock);
                    dead.Add(owner);
                }
            }

            if (cgroups is not null && dead.Count > 0)
            {
                var prefixes = dead.Select(owner => $"{cgroupTag}-{owner}-").ToList();
                var stale = cgroups.ExistingNames()
                    .Where(name => prefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)))
                    .Select(cgroups.Open)
                    .ToList();
                RemoveCgroups(stale, killWait ?? KillWait);
            }

            foreach (var owner in dead)
            {
                var folder = Path.Combine(stagingRoot, owner);
                Unmount(folder);
                TreeDeletion.Delete(folder);
                File.Delete(StagingArea.LockPath(stagingRoot, owner));
            }
        }
        finally
        {
            foreach (var ownerLock in locks)
            {
                ownerLock.Dispose();
            }
        }
    }

    private static IEnumerable<string> Owners(string stagingRoot, CgroupBackend? cgroups, string cgroupTag)
    {
        var owners = new HashSet<string>(StringComparer.Ordinal);
        if (Directory.Exists(stagingRoot))
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(stagingRoot))
            {
                var name = Path.GetFileName(entry);
                var owner = name.EndsWith(".lock", StringComparison.Ordinal) ? name[..^5] : name;
                if (IsOwnerId(owner))
                {
                    owners.Add(owner);
                }
            }
        }

        foreach (var name in cgroups?.ExistingNames() ?? [])
        {
            var parts = name.Split('-');
            if (parts.Length == 3 && parts[0] == cgroupTag && IsOwnerId(parts[1]))
            {
                owners.Add(parts[1]);
            }
        }

        return owners;
    }

    private static bool IsOwnerId(string text) => text.Length == 8 && text.All(Uri.IsHexDigit);

    /// <summary>Kills what is left in every stale cgroup, waits for all of them together, then removes them.</summary>
    private static void RemoveCgroups(IReadOnlyList<SandboxCgroup> stale, TimeSpan killWait)
    {
        var started = Environment.TickCount64;
        var busy = stale.ToList();
        while (true)
        {
            busy.RemoveAll(cgroup => cgroup.IsEmpty());
            if (busy.Count == 0 || Environment.TickCount64 - started >= killWait.TotalMilliseconds)
            {
                break;
            }

            foreach (var cgroup in busy)
            {
                cgroup.KillAll();
            }

            Thread.Sleep(KillPoll);
        }

        foreach (var cgroup in stale)
        {
            cgroup.TryRemove(); // fails harmlessly (busy) for one still populated: a later start tries again
        }
    }

    /// <summary>Detaches every mount at or below <paramref name="folder"/>, deepest first.</summary>
    internal static void Unmount(string folder)
    {
        var self = folder.TrimEnd('/');
        var prefix = self + "/";
        foreach (var mount in MountInfo.ReadSelf()
                     .Select(entry => entry.MountPoint)
                     .Where(point => point == self || point.StartsWith(prefix, StringComparison.Ordinal))
                     .OrderByDescending(point => point.Length))
        {
            Libc.umount2(mount, Libc.MNT_DETACH);
        }
    }
}
