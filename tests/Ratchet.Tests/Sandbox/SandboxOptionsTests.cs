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

    [Fact]
    public void Validate_WhenCpusIsEmptyOrNamesAnUnknownCpu_SaysWhichCpusThisProcessMayUse()
    {
        var empty = new SandboxOptions("/srv/task/.ratchet") { Cpus = [] }.Validate();
        var unknown = new SandboxOptions("/srv/task/.ratchet") { Cpus = [0, 4095] }.Validate();
        var first = new SandboxOptions("/srv/task/.ratchet") { Cpus = [Ratchet.Sandbox.Native.CpuAffinity.Allowed()[0]] }.Validate();

        Assert.Contains("found []", Assert.Single(empty), StringComparison.Ordinal);
        Assert.Contains("found [0,4095]", Assert.Single(unknown), StringComparison.Ordinal);
        Assert.Empty(first);
    }
}
