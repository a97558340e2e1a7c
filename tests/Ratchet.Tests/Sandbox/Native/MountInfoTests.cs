using Ratchet.Sandbox.Native;

namespace Ratchet.Tests.Sandbox.Native;

public sealed class MountInfoTests
{
    [Fact]
    public void Parse_WhenALineHasOptionalFields_FindsTypeSourceAndSuperOptions()
    {
        const string text =
            "36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 shared:7 - ext3 /dev/root rw,errors=continue\n" +
            "31 30 0:28 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu\n";

        var entries = MountInfo.Parse(text);

        Assert.Equal(2, entries.Count);
        Assert.Equal(new MountEntry("/mnt1", "/mnt2", "ext3", "/dev/root", "rw,errors=continue"), entries[0]);
        Assert.Equal("cgroup", entries[1].FsType);
    }

    [Fact]
    public void Parse_WhenAPathHoldsSpaces_DecodesTheOctalEscapes()
    {
        var entries = MountInfo.Parse("41 26 0:38 / /tmp/my\\040state/sbx rw - tmpfs ratchet rw,mode=755\n");

        Assert.Equal("/tmp/my state/sbx", Assert.Single(entries).MountPoint);
    }

    [Fact]
    public void Decode_WhenABackslashIsNotAnEscape_KeepsIt() =>
        Assert.Equal("a\\9b", MountInfo.Decode("a\\9b"));

    [Fact]
    public void ReadSelf_WhenRead_ListsTheRootMount() =>
        Assert.Contains(MountInfo.ReadSelf(), entry => entry.MountPoint == "/");
}
