using System.Collections.Concurrent;

namespace Ratchet.Oversight;

/// <summary>The shipped policy presets, one per phase of oversight, stored as embedded TOML files that set every key.</summary>
public static class Presets
{
    /// <summary>The preset used when a task has no policy file.</summary>
    public const string Default = "delegate";

    private static readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, object?>> Parsed = new(StringComparer.Ordinal);

    /// <summary>Preset names, from the most human control to the least: collaborate, vet, delegate, recursive.</summary>
    public static IReadOnlyList<string> Names { get; } = ["collaborate", "vet", "delegate", "recursive"];

    /// <summary>The preset's TOML text as shipped (with comments).</summary>
    public static string Text(string name)
    {
        if (!Names.Contains(name))
            throw new ArgumentException($"unknown preset '{name}'; presets: {string.Join(", ", Names)}", nameof(name));
        using var stream = typeof(Presets).Assembly.GetManifestResourceStream(ResourceName(name))
            ?? throw new InvalidOperationException($"preset '{name}' is not embedded in the assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The policy a preset defines on its own.</summary>
    public static Policy Get(string name) => Policy.FromPreset(name, $"preset {name}");

    internal static IReadOnlyDictionary<string, object?> Values(string name) => Parsed.GetOrAdd(name, n =>
    {
        var parsed = PolicyParser.Parse(Text(n), $"preset {n}", presetFile: true);
        if (parsed.Errors.Count > 0)
            throw new InvalidOperationException($"shipped preset '{n}' is invalid: " + string.Join("; ", parsed.Errors));
        return parsed.Values;
    });

    internal static string ResourceName(string name) => $"Ratchet.Oversight.Presets.{name}.toml";
}
