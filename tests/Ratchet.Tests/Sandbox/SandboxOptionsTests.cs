using Ratchet.Sandbox;

namespace Ratchet.Tests.Sandbox;

public sealed class SandboxOptionsTests
{
    [Fact]
    public void Defaults_WhenOnlyTheStateFolderIsGiven_AreSafeAndValid()
    {
        var options = new SandboxOptions("/srv/task/.ratchet");

        Assert.False(options.AllowUnsafe);
        Assert.Null(options.BwrapPath);
        Assert.Equal((65534, 65534), (options.SandboxUid, options.SandboxGid));
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Validate_WhenSeveralOptionsAreWrong_ReportsAllTogether()
    {
        var problems = new SandboxOptions("relative/state", BwrapPath: "bwrap", SandboxUid: 0).Validate();

        Assert.Equal(3, problems.Count);
    }
}
