using Ratchet.Tasks;

namespace Ratchet.Tests.Tasks;

public sealed class TaskSchemaTests
{
    private static readonly string Docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "task-format.md"));

    [Fact]
    public void Docs_DocumentEveryKeyWithItsBoundsAndDefault()
    {
        var missing = new List<string>();
        foreach (var section in new[] { TaskSchema.Root }.Concat(TaskSchema.Sections))
        {
            foreach (var key in section.Keys)
            {
                var name = section.Name.Length == 0 ? $"`{key.Name}`" : $"`[{section.Name}] {key.Name}`";
                var row = Docs.Split('\n').FirstOrDefault(l => l.StartsWith($"| {name} |", StringComparison.Ordinal));
                if (row is null || !row.Contains($"| {key.Expected} |", StringComparison.Ordinal) || row.EndsWith("|  |", StringComparison.Ordinal))
                    missing.Add(name);
            }
        }

        Assert.Empty(missing);
    }

    [Fact]
    public void Docs_FullExampleLoadsWithoutErrors()
    {
        var start = Docs.IndexOf("```toml\n", StringComparison.Ordinal) + "```toml\n".Length;
        var example = Docs[start..Docs.IndexOf("```", start, StringComparison.Ordinal)];
        using var task = TempTask.Full();
        task.Write("ratchet.toml", example);

        var result = TaskLoader.Load(task.Root);

        Assert.True(result.Succeeded, result.Errors?.Format());
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Ratchet.sln")))
            folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("Ratchet.sln not found above the test folder");
    }
}
