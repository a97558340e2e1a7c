using System.Diagnostics;
using Ratchet.Tasks;

namespace Ratchet.Tests.Tasks;

public sealed class ProtectedFilesTests
{
    [Fact]
    public void Snapshot_GivenTaskFolder_ExcludesProgramFilesPolicyAndRatchetState()
    {
        using var task = TempTask.Full();
        task.Write("policy.toml", "preset = \"human\"\n");
        task.Write(".ratchet/ledger.db", "x");
        task.Write("nested/policy.toml", "not the policy\n");

        var files = ProtectedFiles.Snapshot(Load(task));

        Assert.Equal(
            ["data/x.json", "data/y.json", "nested/policy.toml", "ratchet.toml", "score.py", "sealed/x.json", "sealed/y.json"],
            files.Files.Keys);
        Assert.Equal(ProtectedFileKind.File, files.Files["score.py"].Kind);
        Assert.Equal(22, files.Files["score.py"].Size);
        Assert.Matches("^[0-9a-f]{64}$", files.TaskHash);
    }

    [Fact]
    public void Snapshot_GivenStateFolderInsideTheTask_ExcludesIt()
    {
        using var task = TempTask.Full();
        task.Write("state/run.db", "x");

        var files = ProtectedFiles.Snapshot(Load(task), stateDirectory: task.PathOf("state"));

        Assert.DoesNotContain("state/run.db", files.Files.Keys);
        Assert.Contains("score.py", files.Files.Keys);
    }

    [Fact]
    public void Verify_WhenFilesAreAddedChangedAndDeleted_ReportsEach()
    {
        using var task = TempTask.Full();
        var files = ProtectedFiles.Snapshot(Load(task));
        task.Write("score.py", "print('{\"mse\": 0.0}')\n");
        task.Write("data/z.json", "[]");
        File.Delete(task.PathOf("sealed/y.json"));

        var changes = files.Verify();

        Assert.Equal(["data/z.json"], changes.Added);
        Assert.Equal(["score.py"], changes.Changed);
        Assert.Equal(["sealed/y.json"], changes.Deleted);
        Assert.Equal("changed: score.py; added: data/z.json; deleted: sealed/y.json", changes.ToString());
        Assert.NotEqual(files.TaskHash, files.Rescan().TaskHash);
    }

    [Fact]
    public void Verify_WhenOnlyProgramPolicyAndRatchetFilesChange_ReportsNothing()
    {
        using var task = TempTask.Full();
        task.Write("policy.toml", "a = 1\n");
        var files = ProtectedFiles.Snapshot(Load(task));
        task.Write("program.py", "print('new')\n");
        task.Write("policy.toml", "a = 2\n");
        task.Write(".ratchet/ledger.db", "new");

        var changes = files.Verify();

        Assert.True(changes.IsEmpty, changes.ToString());
        Assert.Equal("unchanged", changes.ToString());
        Assert.Equal(files.TaskHash, files.Rescan().TaskHash);
    }

    [Fact]
    public void Verify_WhenUnchangedAndSettled_ReadsNoFileAgain()
    {
        using var task = TempTask.Full();
        var cache = new FileHashCache(FixedTime.HourAhead());
        var files = ProtectedFiles.Snapshot(Load(task), cache: cache);
        var readAtSnapshot = cache.FilesHashed;

        var changes = files.Verify();

        Assert.True(changes.IsEmpty);
        Assert.Equal(6, readAtSnapshot);
        Assert.Equal(readAtSnapshot, cache.FilesHashed);
    }

    [Fact]
    public void Verify_WhenFilesChangedJustNow_RereadsThemInsteadOfTrustingTheCache()
    {
        using var task = TempTask.Full();
        var cache = new FileHashCache(new FixedTime(DateTimeOffset.UtcNow));
        var files = ProtectedFiles.Snapshot(Load(task), cache: cache);

        files.Verify();

        Assert.Equal(12, cache.FilesHashed);
    }

    [Fact]
    public void Verify_WhenContentChangesButSizeAndMtimeAreRestored_StillDetectsIt()
    {
        using var task = TempTask.Full();
        var cache = new FileHashCache(FixedTime.HourAhead());
        var files = ProtectedFiles.Snapshot(Load(task), cache: cache);
        var mtime = File.GetLastWriteTimeUtc(task.PathOf("data/y.json"));
        Thread.Sleep(20);
        task.Write("data/y.json", "[9, 9]");
        File.SetLastWriteTimeUtc(task.PathOf("data/y.json"), mtime);

        var changes = files.Verify();

        Assert.Equal(["data/y.json"], changes.Changed);
    }

    [Fact]
    public void Snapshot_GivenSymlinks_RecordsTargetsWithoutFollowing()
    {
        using var task = TempTask.Full();
        using var outside = new TempTask();
        outside.Write("big/secret.json", "{}");
        File.CreateSymbolicLink(task.PathOf("data/link.json"), outside.PathOf("big/secret.json"));
        Directory.CreateSymbolicLink(task.PathOf("linked-folder"), outside.PathOf("big"));
        var files = ProtectedFiles.Snapshot(Load(task));

        outside.Write("big/secret.json", "{\"changed\": true}");
        var afterOutsideEdit = files.Verify();
        File.Delete(task.PathOf("data/link.json"));
        File.CreateSymbolicLink(task.PathOf("data/link.json"), "y.json");
        var afterRetarget = files.Verify();

        Assert.Equal(ProtectedFileKind.Symlink, files.Files["data/link.json"].Kind);
        Assert.Equal(outside.PathOf("big/secret.json"), files.Files["data/link.json"].LinkTarget);
        Assert.Equal(ProtectedFileKind.Symlink, files.Files["linked-folder"].Kind);
        Assert.DoesNotContain("linked-folder/secret.json", files.Files.Keys);
        Assert.True(afterOutsideEdit.IsEmpty, afterOutsideEdit.ToString());
        Assert.Equal(["data/link.json"], afterRetarget.Changed);
    }

    [Fact]
    public void Snapshot_GivenAFifo_RecordsItWithoutOpeningIt()
    {
        using var task = TempTask.Full();
        using (var mkfifo = Process.Start("mkfifo", task.PathOf("data/pipe")))
            mkfifo.WaitForExit();

        var files = ProtectedFiles.Snapshot(Load(task));

        Assert.Equal(ProtectedFileKind.Special, files.Files["data/pipe"].Kind);
    }

    [Fact]
    public void TaskHash_GivenTheSameContentInAnotherFolder_IsTheSame()
    {
        using var a = TempTask.Full();
        using var b = TempTask.Full();

        Assert.Equal(ProtectedFiles.Snapshot(Load(a)).TaskHash, ProtectedFiles.Snapshot(Load(b)).TaskHash);
    }

    private static TaskSpec Load(TempTask task) => TaskLoader.Load(task.Root).GetTaskOrThrow();
}
