using Ratchet.Sandbox.Cgroups;
using Ratchet.Sandbox.Native;

namespace Ratchet.Sandbox.Staging;

/// <summary>Removes what a Ratchet process killed with SIGKILL left behind: its sandbox cgroups (processes killed
/// first), its tmpfs mounts and its staging folders. Only owners whose lock is free are touched, so live Ratchet
/// processes on the same state folder, and other state folders' cgroups, are left alone.</summary>
internal static class StaleState
{
    /// <param name="cgroupTag">Prefix of this state folder's cgroup names (<c>&lt;tag&gt;-&lt;owner&gt;-&lt;id&gt;</c>).</param>
    public static void Clean(string stagingRoot, CgroupBackend? cgroups, string cgroupTag, string self)
    {
        var owners = Owners(stagingRoot, cgroups, cgroupTag).Where(owner => owner != self).ToList();
        foreach (var owner in owners)
        {
            using var ownerLock = OwnerLock.TryAcquire(StagingArea.LockPath(stagingRoot, owner));
            if (ownerLock is null)
            {
                continue;
            }

            if (cgroups is not null)
            {
                RemoveCgroups(cgroups, $"{cgroupTag}-{owner}-");
            }

            var folder = Path.Combine(stagingRoot, owner);
            Unmount(folder);
            TreeDeletion.Delete(folder);
            File.Delete(StagingArea.LockPath(stagingRoot, owner));
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

    private static void RemoveCgroups(CgroupBackend cgroups, string prefix)
    {
        foreach (var name in cgroups.ExistingNames().Where(name => name.StartsWith(prefix, StringComparison.Ordinal)).ToList())
        {
            var cgroup = cgroups.Open(name);
            for (var attempt = 0; attempt < 100 && !cgroup.IsEmpty(); attempt++)
            {
                cgroup.KillAll();
                Thread.Sleep(10);
            }

            cgroup.TryRemove();
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
