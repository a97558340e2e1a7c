using Ratchet.Sandbox;

namespace Ratchet.IntegrationTests.Sandbox;

[Collection(SandboxCollection.Name)]
public sealed class SandboxFactoryTests(SandboxFixture fixture)
{
    [Fact]
    public void Create_WhenBubblewrapWorksHere_ReportsWhatItEnforces()
    {
        var info = fixture.Sandbox.Info;

        Assert.Equal("bubblewrap", info.Mode);
        Assert.True(info.IsIsolated);
        Assert.Matches(@"^\d+\.\d+", info.Version);
        if (Ratchet.Sandbox.Native.Libc.geteuid() == 0)
        {
            Assert.Contains(info.Cgroup, new[] { "v1", "v2" });
            Assert.Empty(info.Warnings); // root with cgroups: nothing is lost
        }
        else
        {
            Assert.Contains(info.Warnings, warning => warning.Contains("not root"));
        }
    }
}
