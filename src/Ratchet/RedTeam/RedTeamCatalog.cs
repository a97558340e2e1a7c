using System.Reflection;
using Ratchet.Oversight;

namespace Ratchet.RedTeam;

/// <summary>The red-team catalogue: target tasks (<c>targets/&lt;name&gt;/</c>), attacks (<c>attacks/*.toml</c>) and the
/// benign set (<c>benign/*.toml</c>). The shipped one is embedded in the library (from the repository's
/// <c>redteam/</c> folder), so a packed tool carries it; a folder of the same layout can replace it.</summary>
public sealed class RedTeamCatalog
{
    private const string ResourcePrefix = "Ratchet.RedTeam.Catalog/";
    private readonly IReadOnlyDictionary<string, byte[]> _files;

    private RedTeamCatalog(IReadOnlyDictionary<string, byte[]> files, string origin)
    {
        _files = files;
        Origin = origin;
        var errors = new List<string>();
        var cases = files.Keys.Where(k => (k.StartsWith("attacks/", StringComparison.Ordinal) || k.StartsWith("benign/", StringComparison.Ordinal))
                && k.EndsWith(".toml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .SelectMany(k => CatalogParser.Parse(System.Text.Encoding.UTF8.GetString(files[k]), k, errors))
            .ToList();
        Targets = files.Keys.Where(k => k.StartsWith("targets/", StringComparison.Ordinal) && k.Count(c => c == '/') >= 2)
            .Select(k => k.Split('/')[1]).Distinct().Order(StringComparer.Ordinal).ToArray();
        foreach (var c in cases.Where(c => !Targets.Contains(c.Target)))
            errors.Add($"{c.Source}: '{c.Name}' names target '{c.Target}', which is not under targets/ (targets: {string.Join(", ", Targets)})");
        foreach (var duplicate in cases.GroupBy(c => c.Name).Where(g => g.Count() > 1))
            errors.Add($"{string.Join(", ", duplicate.Select(c => c.Source).Distinct())}: the name '{duplicate.Key}' is used {duplicate.Count()} times; names must be unique");
        if (errors.Count > 0)
            throw new CatalogException($"the red-team catalogue ({origin}) has {errors.Count} error(s):\n  " + string.Join("\n  ", errors));
        Attacks = cases.Where(c => !c.IsBenign).ToArray();
        Benign = cases.Where(c => c.IsBenign).ToArray();
    }

    /// <summary>Where the catalogue came from ("embedded" or a folder).</summary>
    public string Origin { get; }

    public IReadOnlyList<RedTeamCase> Attacks { get; }

    public IReadOnlyList<RedTeamCase> Benign { get; }

    public IReadOnlyList<string> Targets { get; }

    /// <summary>REDTEAM.md categories without any attack in this catalogue.</summary>
    public IReadOnlyList<string> MissingCategories => RedTeamCategories.All.Where(c => Attacks.All(a => a.Category != c)).ToArray();

    /// <summary>The catalogue shipped inside the library.</summary>
    public static RedTeamCatalog Embedded()
    {
        var assembly = typeof(RedTeamCatalog).Assembly;
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            files[name[ResourcePrefix.Length..].Replace('\\', '/')] = copy.ToArray();
        }
        return new RedTeamCatalog(files, "embedded");
    }

    /// <summary>A catalogue folder with the same layout as the repository's <c>redteam/</c>.</summary>
    public static RedTeamCatalog FromFolder(string folder)
    {
        var root = Path.GetFullPath(folder);
        if (!Directory.Exists(root))
            throw new CatalogException($"the red-team catalogue folder {root} does not exist; pass a folder holding targets/, attacks/ and benign/ (like the repository's redteam/)");
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal);
        return new RedTeamCatalog(files, root);
    }

    /// <summary>Writes target <paramref name="name"/>'s files into <paramref name="destination"/> (created).</summary>
    public void ExtractTarget(string name, string destination)
    {
        var prefix = $"targets/{name}/";
        foreach (var (path, bytes) in _files.Where(f => f.Key.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var full = Path.Combine(destination, path[prefix.Length..]);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, bytes);
        }
    }
}

/// <summary>A catalogue that cannot be used; the message lists every problem.</summary>
public sealed class CatalogException(string message) : Exception(message);
