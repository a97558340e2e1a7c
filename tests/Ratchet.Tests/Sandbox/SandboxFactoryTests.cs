using Ratchet.Sandbox;

namespace Ratchet.Tests.Sandbox;

public sealed class SandboxFactoryTests
{
    [Fact]
    public void Create_WhenBwrapIsMissing_RefusesNamingTheInstallCommandAndTheEscapeHatch()
    {
        using var state = new TempFolder();

        var creation = SandboxFactory.Create(new SandboxOptions(state.Path, BwrapPath: state.Combine("no-bwrap")));

        var refused = Assert.IsType<SandboxCreation.Refused>(creation);
        Assert.Contains("bubblewrap (bwrap) is not installed", refused.Message);
        Assert.Contains("apt-get install -y bubblewrap", refused.Message);
        Assert.Contains("--unsafe-no-sandbox", refused.Message);
    }

    [Fact]
    public void Create_WhenUnsafeIsAllowed_ReturnsTheUnsafeSandboxThatSaysSo()
    {
        using var state = new TempFolder();

        var creation = SandboxFactory.Create(new SandboxOptions(state.Path, AllowUnsafe: true));

        var sandbox = Assert.IsType<UnsafeSandbox>(Assert.IsType<SandboxCreation.Ready>(creation).Sandbox);
        Assert.False(sandbox.Info.IsIsolated);
        Assert.Contains("nothing is isolated", Assert.Single(sandbox.Info.Warnings));
        sandbox.Dispose();
    }

    [Fact]
    public void Create_WhenOptionsAreInvalid_RefusesListingEveryProblem()
    {
        var refused = Assert.IsType<SandboxCreation.Refused>(SandboxFactory.Create(new SandboxOptions("rel", SandboxUid: 0)));

        Assert.Contains("StateDirectory must be an absolute folder", refused.Message);
        Assert.Contains("non-root ids", refused.Message);
    }
}
