using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;

namespace Ratchet.Evaluation.Build;

/// <summary>The framework assemblies a candidate compiles against, and where they came from.</summary>
/// <param name="References">Metadata references, shared by every compilation (Roslyn caches their metadata).</param>
/// <param name="Origin">Where they were found, in words (e.g. "reference pack 10.0.12 at /usr/share/dotnet/packs/...").</param>
public sealed record ReferenceSet(ImmutableArray<MetadataReference> References, string Origin);

/// <summary>Finds and loads the framework references once per process (per .NET root): the SDK's
/// <c>Microsoft.NETCore.App.Ref</c> pack matching the running runtime, else the running runtime's own assemblies.</summary>
public static class ReferenceAssemblies
{
    private static readonly ConcurrentDictionary<string, Lazy<ReferenceSet>> ByRoot = new(StringComparer.Ordinal);

    /// <summary>The directory of the running shared framework, e.g. <c>/usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/</c>.</summary>
    public static string RuntimeDirectory => RuntimeEnvironment.GetRuntimeDirectory();

    /// <summary>The .NET root of the running runtime (three levels above <see cref="RuntimeDirectory"/>).</summary>
    public static string RunningDotnetRoot =>
        Path.GetFullPath(Path.Combine(RuntimeDirectory, "..", "..", ".."));

    /// <summary>The references for <paramref name="dotnetRoot"/> (null: the running runtime's root), loaded on first use.</summary>
    public static ReferenceSet For(string? dotnetRoot)
    {
        var root = Path.GetFullPath(dotnetRoot ?? RunningDotnetRoot);
        return ByRoot.GetOrAdd(root, r => new Lazy<ReferenceSet>(() => Load(r))).Value;
    }

    private static ReferenceSet Load(string root)
    {
        var pack = FindReferencePack(root, RuntimeVersion.Numeric);
        if (pack is not null)
        {
            var files = Directory.GetFiles(pack, "*.dll").Order(StringComparer.Ordinal).ToArray();
            if (files.Length > 0)
                return new ReferenceSet(CreateReferences(files), $"reference pack at {pack}");
        }
        var trusted = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(IsInRuntimeDirectory)
            .Order(StringComparer.Ordinal)
            .ToArray();
        return new ReferenceSet(CreateReferences(trusted), $"running runtime's assemblies at {RuntimeDirectory}");
    }

    /// <summary>The highest <c>packs/Microsoft.NETCore.App.Ref/&lt;v&gt;/ref/net&lt;major&gt;.&lt;minor&gt;</c> with the
    /// runtime's major.minor and a version no newer than the runtime (so nothing compiles that the runtime lacks).</summary>
    internal static string? FindReferencePack(string root, Version runtime)
    {
        var packs = Path.Combine(root, "packs", "Microsoft.NETCore.App.Ref");
        if (!Directory.Exists(packs))
            return null;
        var tfm = $"net{runtime.Major}.{runtime.Minor}";
        return Directory.GetDirectories(packs)
            .Select(dir => (Dir: dir, Version: ParseVersion(Path.GetFileName(dir))))
            .Where(p => p.Version is not null
                && p.Version.Major == runtime.Major && p.Version.Minor == runtime.Minor
                && p.Version <= runtime)
            .OrderByDescending(p => p.Version)
            .Select(p => Path.Combine(p.Dir, "ref", tfm))
            .FirstOrDefault(Directory.Exists);
    }

    private static Version? ParseVersion(string folder)
    {
        var dash = folder.IndexOf('-', StringComparison.Ordinal);
        return Version.TryParse(dash < 0 ? folder : folder[..dash], out var v) ? v : null;
    }

    private static bool IsInRuntimeDirectory(string path) =>
        string.Equals(
            Path.GetFullPath(Path.GetDirectoryName(path) ?? "").TrimEnd(Path.DirectorySeparatorChar),
            Path.GetFullPath(RuntimeDirectory).TrimEnd(Path.DirectorySeparatorChar),
            StringComparison.Ordinal);

    private static ImmutableArray<MetadataReference> CreateReferences(IEnumerable<string> files)
    {
        var builder = ImmutableArray.CreateBuilder<MetadataReference>();
        foreach (var file in files)
        {
            try
            {
                builder.Add(MetadataReference.CreateFromFile(file));
            }
            catch (Exception e) when (e is IOException or BadImageFormatException or UnauthorizedAccessException)
            {
                // A native or unreadable file in the folder is not a reference; skip it.
            }
        }
        return builder.ToImmutable();
    }
}
