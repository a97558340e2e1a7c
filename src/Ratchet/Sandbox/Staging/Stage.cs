using Ratchet.Sandbox.Native;

namespace Ratchet.Sandbox.Staging;

/// <summary>One sandbox's host folders: <c>in/</c> (holding <c>work/</c>, <c>ratchet/</c> and launcher files that
/// are never bound) and <c>out/</c>. Disposing unmounts and deletes them.</summary>
internal sealed class Stage
{
    private readonly IReadOnlyList<string> _mounts;
    private int _released;

    public Stage(string id, string directory, IReadOnlyList<string> mounts)
    {
        Id = id;
        Directory = directory;
        _mounts = mounts;
    }

    public string Id { get; }

    public string Directory { get; }

    public string In => Path.Combine(Directory, "in");

    public string Work => Path.Combine(In, "work");

    /// <summary>Bound at <c>/ratchet</c> (holds resources.json) when the request has resources.</summary>
    public string Meta => Path.Combine(In, "ratchet");

    public string Out => Path.Combine(Directory, "out");

    /// <summary>bwrap's --json-status-fd output.</summary>
    public string StatusFile => Path.Combine(In, "status");

    /// <summary>bwrap's options, passed with --args so that pid 1's command line inside names no host path.</summary>
    public string ArgsFile => Path.Combine(In, "args");

    public bool IsMounted => _mounts.Count > 0;

    public void Release()
    {
        if (Interlocked.Exchange(ref _released, 1) != 0)
        {
            return;
        }

        foreach (var mount in _mounts.Reverse())
        {
            Libc.umount2(mount, Libc.MNT_DETACH);
        }

        TreeDeletion.Delete(Directory);
    }
}
