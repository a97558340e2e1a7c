using System.Security.Cryptography;
using Ratchet.Sandbox.Native;

namespace Ratchet.Sandbox.Staging;

/// <summary>Where this Ratchet process stages sandboxes: <c>&lt;root&gt;/&lt;owner&gt;/&lt;16 hex&gt;/</c>, with the
/// owner's liveness shown by an flock on <c>&lt;root&gt;/&lt;owner&gt;.lock</c>. As root the owner's folder is a small
/// tmpfs of its own: every launch makes and removes three folders there, which on a disk file system cost an inode
/// allocation each (ext4 without a journal scans past every recently deleted inode) and a block discard on removal.</summary>
internal sealed class StagingArea : IDisposable
{
    /// <summary>Inodes allowed in a results tmpfs: bounds the post-run walk.</summary>
    internal const int ResultInodes = 8192;

    /// <summary>The owner's tmpfs holds only stage folders (their files are on the stages' own tmpfs mounts).</summary>
    internal const string OwnerTmpfsOptions = "mode=0711,size=1m,nr_inodes=65536";

    private const ulong MountFlags = Libc.MS_NOSUID | Libc.MS_NODEV;
    private readonly OwnerLock _lock;
    private readonly bool _useTmpfs;
    private readonly int _uid;
    private readonly int _gid;

    /// <param name="root">Created if missing (mode 0711: the sandbox uid must traverse it, not list it).</param>
    /// <param name="useTmpfs">Root only: mount tmpfs on in/ and out/ (neutral mountinfo, size-capped results).</param>
    public StagingArea(string root, bool useTmpfs, int uid, int gid)
    {
        Root = root;
        _useTmpfs = useTmpfs;
        _uid = uid;
        _gid = gid;
        Directory.CreateDirectory(root);
        Libc.chmod(root, 0x1c9);
        Owner = RandomNumberGenerator.GetHexString(8, lowercase: true);
        // Lock before the folder exists: a folder whose lock is free is always a dead owner's.
        _lock = OwnerLock.TryAcquire(LockPath(root, Owner)) ?? throw new IOException($"owner id {Owner} already locked");
        Directory.CreateDirectory(OwnerDirectory);
        Libc.chmod(OwnerDirectory, 0x1c9);
        if (useTmpfs)
        {
            try
            {
                Mount(OwnerDirectory, OwnerTmpfsOptions, []);
            }
            catch
            {
                Directory.Delete(OwnerDirectory);
                _lock.Dispose();
                throw;
            }
        }
    }

    public string Root { get; }

    /// <summary>Random id of this process's staging (8 hex); also part of its cgroup names.</summary>
    public string Owner { get; }

    public string OwnerDirectory => Path.Combine(Root, Owner);

    internal static string LockPath(string root, string owner) => Path.Combine(root, owner + ".lock");

    /// <summary>Makes the folders of one sandbox and copies its files in, sorted, with fixed times and modes.</summary>
    public Stage Create(SandboxRequest request)
    {
        StagedPathRules.Validate(request.WorkFiles);
        var stage = CreateEmpty(request.CollectResults, request.Limits.OutputBytes);
        try
        {
            Populate(stage, request);
            return stage;
        }
        catch
        {
            stage.Release();
            throw;
        }
    }

    /// <summary>A stage's mounts and folders with nothing staged yet: <c>in/</c> (and <c>out/</c> when results are
    /// collected), ready for <see cref="Fill"/>.</summary>
    public Stage CreateEmpty(bool collectResults, long outputBytes)
    {
        var id = RandomNumberGenerator.GetHexString(16, lowercase: true);
        var directory = Path.Combine(OwnerDirectory, id);
        Directory.CreateDirectory(directory);
        Libc.chmod(directory, 0x1c9);
        var mounts = new List<string>();
        var stage = new Stage(id, directory, mounts);
        try
        {
            Directory.CreateDirectory(stage.In);
            // No size option: mountinfo then reads the same whatever the inputs weigh.
            Mount(stage.In, "mode=0755", mounts);
            if (collectResults)
            {
                Directory.CreateDirectory(stage.Out);
                Libc.chmod(stage.Out, 0x1c0);
                Mount(stage.Out, $"size={ResultsTmpfsBytes(outputBytes)},nr_inodes={ResultInodes},mode=0700,uid={_uid},gid={_gid}", mounts);
            }

            return stage;
        }
        catch
        {
            stage.Release();
            throw;
        }
    }

    /// <summary>Copies the request's files into an empty stage, sorted, with fixed times and modes. The caller releases
    /// the stage on failure.</summary>
    public static void Fill(Stage stage, SandboxRequest request)
    {
        StagedPathRules.Validate(request.WorkFiles);
        Populate(stage, request);
    }

    /// <summary>Removes this owner's folder when no stage is left in it, then gives up the lock. A stage still held by
    /// an undisposed execution keeps the folder for the next start's stale-state sweep.</summary>
    public void Dispose()
    {
        try
        {
            if (Directory.Exists(OwnerDirectory) && !Directory.EnumerateFileSystemEntries(OwnerDirectory).Any())
            {
                if (_useTmpfs)
                {
                    Libc.umount2(OwnerDirectory, Libc.MNT_DETACH);
                }

                Directory.Delete(OwnerDirectory);
                File.Delete(LockPath(Root, Owner));
            }
        }
        catch (IOException)
        {
            // A stage appeared meanwhile: the sweep of a later start handles it.
        }

        _lock.Dispose();
    }

    private void Mount(string target, string options, List<string> mounts)
    {
        if (!_useTmpfs)
        {
            return;
        }

        if (Libc.mount("ratchet", target, "tmpfs", MountFlags, options) != 0)
        {
            throw new IOException($"cannot mount a tmpfs on {target}: {Libc.LastError()}");
        }

        mounts.Add(target);
    }

    /// <summary>The results tmpfs's size: the cap rounded up to whole pages plus 16 pages, because tmpfs charges every
    /// file at least a page (a cap of 4096 bytes would otherwise be "full" after one 4-byte file). The cap itself is
    /// enforced on the files' bytes by the results check; only a program that writes well past it fills the tmpfs.</summary>
    internal static long ResultsTmpfsBytes(long outputBytes) => ((outputBytes + 4095) / 4096 + 16) * 4096;

    private static void Populate(Stage stage, SandboxRequest request)
    {
        var folders = new List<string> { stage.Work };
        Directory.CreateDirectory(stage.Work);
        foreach (var file in request.WorkFiles.OrderBy(file => file.RelativePath, StringComparer.Ordinal))
        {
            var target = Path.Combine(stage.Work, file.RelativePath);
            var parent = Path.GetDirectoryName(target)!;
            if (parent.Length > stage.Work.Length)
            {
                for (var folder = parent; folder.Length > stage.Work.Length; folder = Path.GetDirectoryName(folder)!)
                {
                    folders.Add(folder);
                }

                Directory.CreateDirectory(parent);
            }

            Write(file, target);
        }

        if (request.ResourcesJson is { } resources)
        {
            Directory.CreateDirectory(stage.Meta);
            folders.Add(stage.Meta);
            WriteNew(Path.Combine(stage.Meta, "resources.json"), resources, 0x1a4);
        }

        // Deepest first: creating a child changes its folder's times.
        foreach (var folder in folders.Distinct().OrderByDescending(folder => folder.Length))
        {
            Libc.chmod(folder, 0x1ed);
            FixedTimes.Apply(folder);
        }
    }

    private static void Write(StagedFile file, string target)
    {
        // Modes from the file's role, not from how the host copy happens to be set (a sealed 0600 copy would differ).
        if (file.HostPath is not { } host)
        {
            WriteNew(target, file.Content!, 0x1a4u);
            return;
        }

        File.Copy(host, target);
        var executable = (FileStatus.Stat(host)?.Mode & 0x40) != 0;
        Libc.chmod(target, executable ? 0x1edu : 0x1a4u);
        FixedTimes.Apply(target);
    }

    /// <summary>Creates <paramref name="path"/> (it must not exist) with <paramref name="content"/>, the mode and the
    /// fixed times, in five system calls: File.WriteAllBytes and path-based chmod and utimensat take ten.</summary>
    private static void WriteNew(string path, byte[] content, uint mode)
    {
        var fd = Libc.open(path, Libc.O_WRONLY | Libc.O_CREAT | Libc.O_EXCL | Libc.O_NOFOLLOW | Libc.O_CLOEXEC, mode);
        if (fd < 0)
        {
            throw new IOException($"cannot create {path}: {Libc.LastError()}");
        }

        try
        {
            if (!Libc.WriteAll(fd, content))
            {
                throw new IOException($"cannot write {path}: {Libc.LastError()}");
            }

            // The umask may have taken bits from the mode given to open.
            if (Libc.fchmod(fd, mode) != 0)
            {
                throw new IOException($"cannot set the mode of {path}: {Libc.LastError()}");
            }

            FixedTimes.Apply(fd, path);
        }
        finally
        {
            Libc.close(fd);
        }
    }
}
