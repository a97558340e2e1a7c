using Ratchet.Evaluation.Build;

namespace Ratchet.Tests.Evaluation.Build;

public sealed class RuntimeVersionTests
{
    [Fact]
    public void Text_Always_StartsWithTheRunningRuntimesNumericVersion()
    {
        Assert.StartsWith($"{Environment.Version.Major}.{Environment.Version.Minor}.", RuntimeVersion.Text);
        Assert.StartsWith(RuntimeVersion.Numeric.ToString(3), RuntimeVersion.Text);
    }

    [Fact]
    public void Text_Always_NamesAFrameworkFolderThatExists()
    {
        var folder = Path.Combine(ReferenceAssemblies.RunningDotnetRoot, "shared", "Microsoft.NETCore.App", RuntimeVersion.Text);

        Assert.True(Directory.Exists(folder), $"{folder} does not exist");
    }
}
