using Ratchet.Sandbox.Staging;

namespace Ratchet.Tests.Sandbox.Staging;

public sealed class TreeDeletionTests
{
    [Fact]
    public void Delete_WhenAFolderInsideHasNoPermissions_StillDeletesTheTree()
    {
        using var folder = new TempFolder();
        folder.Write("tree/locked/file.txt", "x");
        Ratchet.Sandbox.Native.Libc.chmod(folder.Combine("tree", "locked"), 0);

        TreeDeletion.Delete(folder.Combine("tree"));

        Assert.False(Directory.Exists(folder.Combine("tree")));
    }

    [Fact]
    public void Delete_WhenTheTreeHoldsALinkToAFolderOutside_LeavesTheTargetAlone()
    {
        using var folder = new TempFolder();
        var keep = folder.Write("keep/precious.txt", "x");
        Directory.CreateDirectory(folder.Combine("tree"));
        Directory.CreateSymbolicLink(folder.Combine("tree", "link"), folder.Combine("keep"));

        TreeDeletion.Delete(folder.Combine("tree"));

        Assert.True(File.Exists(keep));
    }
}
