using Ratchet.Evaluation.Build;

namespace Ratchet.Tests.Evaluation.Build;

public sealed class ReferenceAssembliesTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ratchet-refs-test-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void FindReferencePack_WhenSeveralVersions_PicksTheNewestNotNewerThanTheRuntime()
    {
        foreach (var version in new[] { "10.0.1", "10.0.7", "10.0.9", "10.1.0", "11.0.0" })
            Directory.CreateDirectory(Pack(version, "net" + version[..version.LastIndexOf('.')]));

        var found = ReferenceAssemblies.FindReferencePack(_root, new Version(10, 0, 8));

        Assert.Equal(Pack("10.0.7", "net10.0"), found);
    }

    [Fact]
    public void FindReferencePack_WhenOnlyPrereleaseOfTheSameVersion_AcceptsIt()
    {
        Directory.CreateDirectory(Pack("10.0.0-rc.1.2", "net10.0"));

        Assert.Equal(Pack("10.0.0-rc.1.2", "net10.0"), ReferenceAssemblies.FindReferencePack(_root, new Version(10, 0, 0)));
    }

    [Fact]
    public void FindReferencePack_WhenNoPacksFolder_ReturnsNull()
    {
        Assert.Null(ReferenceAssemblies.FindReferencePack(_root, new Version(10, 0, 0)));
    }

    [Fact]
    public void For_WhenTheRootHasNoPack_FallsBackToTheRunningRuntimesAssemblies()
    {
        Directory.CreateDirectory(_root);

        var set = ReferenceAssemblies.For(_root);

        Assert.StartsWith("running runtime's assemblies at", set.Origin);
        Assert.Contains(set.References, r => r.Display?.EndsWith("System.Runtime.dll", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(set.References, r => r.Display?.Contains("Microsoft.CodeAnalysis", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void For_WhenCalledTwice_ReturnsTheSameLoadedSet()
    {
        Assert.Same(ReferenceAssemblies.For(null), ReferenceAssemblies.For(null));
    }

    private string Pack(string version, string tfm) =>
        Path.Combine(_root, "packs", "Microsoft.NETCore.App.Ref", version, "ref", tfm);

    public void Dispose()
    {
        if (Directory.Exists(_root))
            Directory.Delete(_root, recursive: true);
    }
}
