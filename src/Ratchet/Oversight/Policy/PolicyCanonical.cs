using System.Text;

namespace Ratchet.Oversight;

/// <summary>Writes a policy's effective values as canonical TOML (the text that is hashed).</summary>
internal static class PolicyCanonical
{
    public static string Write(string preset, IReadOnlyDictionary<string, object?> values)
    {
        var text = new StringBuilder();
        text.Append(PolicySchema.PresetKey).Append(" = \"").Append(preset).Append("\"\n");
        foreach (var section in PolicySchema.Sections)
        {
            text.Append('\n').Append('[').Append(section).Append("]\n");
            foreach (var key in PolicySchema.In(section))
                text.Append(key.Name).Append(" = ").Append(Value(key, values[key.Path])).Append('\n');
        }
        return text.ToString();
    }

    private static string Value(PolicyKey key, object? value) => value switch
    {
        null => "false",
        bool b => b ? "true" : "false",
        long l when key.Kind == PolicyKind.Integer => l.ToString(System.Globalization.CultureInfo.InvariantCulture),
        double d => PolicyFormat.TomlFloat(d),
        string s => $"\"{s}\"",
        string[] list => "[" + string.Join(", ", list.Select(r => $"\"{r}\"")) + "]",
        long[] pair => $"[{pair[0]}, {pair[1]}]",
        _ => throw new InvalidOperationException($"no canonical form for {key.Path} = {value}"),
    };
}
