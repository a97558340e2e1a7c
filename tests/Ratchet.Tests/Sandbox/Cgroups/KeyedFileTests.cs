using Ratchet.Sandbox.Cgroups;

namespace Ratchet.Tests.Sandbox.Cgroups;

public sealed class KeyedFileTests
{
    [Fact]
    public void Value_WhenTheKeyIsPresent_ReadsItsNumber()
    {
        const string oomControl = "oom_kill_disable 0\nunder_oom 0\noom_kill 3\n";
        Assert.Equal(3, KeyedFile.Value(oomControl, "oom_kill"));
        Assert.Equal(0, KeyedFile.Value(oomControl, "under_oom"));
    }

    [Fact]
    public void Value_WhenOnlyAKeyWithTheSamePrefixExists_ReturnsZero() =>
        Assert.Equal(0, KeyedFile.Value("oom_kill_disable 1\n", "oom_kill"));

    [Fact]
    public void ReadSingle_WhenTheFileSaysMaxOrIsMissing_ReturnsZero()
    {
        using var folder = new TempFolder();
        Assert.Equal(0, KeyedFile.ReadSingle(folder.Write("pids.max", "max\n")));
        Assert.Equal(0, KeyedFile.ReadSingle(folder.Combine("absent")));
        Assert.Equal(123456789, KeyedFile.ReadSingle(folder.Write("cpuacct.usage", "123456789\n")));
    }

    [Fact]
    public void Write_ReplacesTheWholeValue_AndAMissingFolderIsAnErrorNamingThePath()
    {
        using var folder = new TempFolder();
        var limit = folder.Write("memory.limit_in_bytes", "9223372036854771712\n");

        KeyedFile.Write(limit, "268435456");

        Assert.Equal("268435456", File.ReadAllText(limit));
        var missing = folder.Combine("gone", "pids.max");
        var error = Assert.Throws<IOException>(() => KeyedFile.Write(missing, "12"));
        Assert.Contains(missing, error.Message);
    }
}
