using Ratchet.Oversight;

namespace Ratchet.Tests.Oversight.Policy;

/// <summary>The docs must stay true to the code: every policy key is documented with its default in every preset.</summary>
public sealed class PolicyDocsTests
{
    [Fact]
    public void PolicyDoc_DocumentsEveryKeyWithEachPresetsDefault()
    {
        var doc = File.ReadAllLines(Path.Combine(RepositoryRoot(), "docs", "policy.md"));
        var canonical = Presets.Names.ToDictionary(n => n, n => Values(Presets.Get(n)));

        foreach (var key in PolicySchema.Keys)
        {
            var row = doc.SingleOrDefault(l => l.StartsWith($"| `{key.Name}` |", StringComparison.Ordinal));
            Assert.True(row is not null, $"docs/policy.md has no table row for {key.Path}");
            var cells = row.Split('|', StringSplitOptions.TrimEntries).Skip(2).Take(4).Select(c => c.Trim('`')).ToArray();
            Assert.Equal(Presets.Names.Select(n => canonical[n][key.Path]), cells);
            Assert.Contains(doc, l => l.StartsWith($"- `{key.Name}`", StringComparison.Ordinal) || l.Contains($", `{key.Name}`", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void AuditorsDoc_StatesTheRuleCount()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "auditors.md"));

        Assert.Contains($"### The rules ({StaticRulesAuditor.Rules.Count})", doc, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Values(Ratchet.Oversight.Policy policy)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        string? section = null;
        foreach (var line in policy.Canonical.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith('['))
                section = line.Trim('[', ']');
            else if (section is not null)
                values[$"{section}.{line[..line.IndexOf(' ')]}"] = line[(line.IndexOf(" = ", StringComparison.Ordinal) + 3)..];
        }
        return values;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ratchet.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("cannot find the repository root (Ratchet.sln) above " + AppContext.BaseDirectory);
    }
}
