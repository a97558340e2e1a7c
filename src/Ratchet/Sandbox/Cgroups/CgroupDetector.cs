using Ratchet.Sandbox.Native;

namespace Ratchet.Sandbox.Cgroups;

/// <summary>Picks the cgroup hierarchy that can limit a sandbox here: v2 when its memory and pids controllers are
/// available, else v1 with memory, pids and cpuacct mounted, else none.</summary>
internal static class CgroupDetector
{
    /// <summary>The backend, or null with the reasons none could be used.</summary>
    public static CgroupBackend? Detect(IReadOnlyList<MountEntry> mounts, out IReadOnlyList<string> problems)
    {
        var found = new List<string>();
        foreach (var v2 in mounts.Where(mount => mount.FsType == "cgroup2"))
        {
            var backend = CgroupV2Backend.TryPrepare(v2.MountPoint, out var problem);
            if (backend is not null)
            {
                problems = [];
                return backend;
            }

            found.Add(problem!);
        }

        var v1 = DetectV1(mounts, found);
        problems = v1 is null ? found : [];
        return v1;
    }

    private static CgroupV1Backend? DetectV1(IReadOnlyList<MountEntry> mounts, List<string> problems)
    {
        string? Parent(string controller) => mounts
            .Where(mount => mount.FsType == "cgroup" && mount.SuperOptions.Split(',').Contains(controller))
            .Select(mount => Path.Combine(mount.MountPoint, "ratchet"))
            .FirstOrDefault();

        var memory = Parent("memory");
        var pids = Parent("pids");
        var cpuacct = Parent("cpuacct");
        if (memory is null || pids is null || cpuacct is null)
        {
            if (mounts.Any(mount => mount.FsType == "cgroup"))
            {
                problems.Add("cgroup v1 lacks one of the memory, pids and cpuacct hierarchies");
            }

            return null;
        }

        try
        {
            Directory.CreateDirectory(memory);
            Directory.CreateDirectory(pids);
            Directory.CreateDirectory(cpuacct);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            problems.Add($"cannot create cgroup v1 folders ({exception.Message})");
            return null;
        }

        return new CgroupV1Backend(memory, pids, cpuacct);
    }
}
