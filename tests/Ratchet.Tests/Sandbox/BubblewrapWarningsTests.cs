using Ratchet.Sandbox;

namespace Ratchet.Tests.Sandbox;

public sealed class BubblewrapWarningsTests
{
    private static BubblewrapHost Host(bool root) => new(
        "/usr/bin/bwrap", "0.8.0", root, DirectLaunch: true, SetprivPath: null, 65534, 65534, null, ["cgroup v2 at /sys/fs/cgroup offers [], without memory and pids"],
        null, "/state", "/state/sbx", TimeProvider.System);

    [Fact]
    public void For_WhenNotRoot_ListsEveryLostProtection()
    {
        var warnings = BubblewrapWarnings.For(Host(root: false));

        Assert.Equal(3, warnings.Count);
        Assert.Contains(warnings, warning => warning.Contains("keep your host identity"));
        Assert.Contains(warnings, warning => warning.Contains("not size-capped"));
        Assert.Contains(warnings, warning => warning.Contains("no cgroup (cgroups need root here)"));
    }

    [Fact]
    public void For_WhenRootWithoutCgroups_SaysWhyAndWhatIsLost()
    {
        var warning = Assert.Single(BubblewrapWarnings.For(Host(root: true)));

        Assert.Contains("without memory and pids", warning);
        Assert.Contains("memory and process count are not limited", warning);
    }
}
