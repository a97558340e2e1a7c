using Ratchet.Sandbox.Cgroups;

namespace Ratchet.Tests.Sandbox.Cgroups;

public sealed class CgroupFileTests
{
    [Fact]
    public void Read_AfterTheFileChangesInPlace_GivesTheNewTextFromTheStart()
    {
        using var folder = new TempFolder();
        var path = folder.Write("pids.events", "max 0\n");
        using var file = new CgroupFile(path);
        Assert.Equal("max 0\n", file.Read());

        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            stream.Write("max 12\n"u8);
        }

        Assert.Equal("max 12\n", file.Read());
        Assert.Equal(12, KeyedFile.Value(file.Read(), "max"));
    }

    [Fact]
    public void Read_WhenMissingOrDisposed_GivesNull()
    {
        using var folder = new TempFolder();
        using var missing = new CgroupFile(folder.Combine("absent"));
        var file = new CgroupFile(folder.Write("cpuacct.usage", "42\n"));
        Assert.Equal(42, KeyedFile.Single(file.Read()));

        file.Dispose();

        Assert.Null(missing.Read());
        Assert.Null(file.Read());
        Assert.Equal(0, KeyedFile.Single(file.Read()));
    }
}
