using Ratchet.Sandbox;

namespace Ratchet.Tests.Sandbox;

public sealed class HostProbeTests
{
    [Fact]
    public void DotnetRootOutsideUsr_WhenDotnetLivesInUsr_IsNull() =>
        Assert.Null(HostProbe.DotnetRootOutsideUsr("/usr/share/dotnet", null));

    [Fact]
    public void DotnetRootOutsideUsr_WhenDotnetIsALinkIntoAnotherFolder_FollowsTheLink()
    {
        using var folder = new TempFolder();
        var real = folder.Write("opt/dotnet/dotnet", "#!/bin/sh\n");
        Ratchet.Sandbox.Native.Libc.chmod(real, 0x140);
        Directory.CreateDirectory(folder.Combine("bin"));
        File.CreateSymbolicLink(folder.Combine("bin", "dotnet"), real);

        Assert.Equal(folder.Combine("opt", "dotnet"), HostProbe.DotnetRootOutsideUsr(null, folder.Combine("bin")));
    }

    [Fact]
    public void FindExecutable_WhenTheFileIsNotExecutable_DoesNotFindIt()
    {
        using var folder = new TempFolder();
        folder.Write("tool", "x");

        Assert.Null(HostProbe.FindExecutable(folder.Combine("tool"), null));
        Assert.Equal("/bin/sh", HostProbe.FindExecutable("/bin/sh", null));
    }

    [Fact]
    public void TraversableByOthers_WhenAFolderOnThePathIsPrivate_IsFalse()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Combine("private", "state"));
        Ratchet.Sandbox.Native.Libc.chmod(folder.Combine("private"), 0x1c0);

        Assert.False(HostProbe.TraversableByOthers(folder.Combine("private", "state")));
        Assert.True(HostProbe.TraversableByOthers("/usr/bin"));
    }
}
