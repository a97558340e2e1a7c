using Ratchet.Tasks;

namespace Ratchet.Tests.Evaluation.Build;

public sealed partial class CSharpBuilderTests
{
    /// <summary>The shipped C# examples must keep compiling with the builder they are run with.</summary>
    [Theory]
    [InlineData("tiny-training")]
    [InlineData("fast-sort")]
    public async Task Build_WhenGivenAShippedCSharpExample_CompilesWithoutErrors(string example)
    {
        var folder = Path.Combine(RepositoryRoot(), "examples", example);
        var sources = Directory.GetFiles(folder, "*.cs")
            .Select(f => KeyValuePair.Create(Path.GetFileName(f), File.ReadAllText(f)));

        var result = await Shared.BuildAsync(new ProgramSnapshot(sources), Ct);

        Assert.True(result.Succeeded, result.Error);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ratchet.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"no Ratchet.sln above {AppContext.BaseDirectory}");
    }
}
