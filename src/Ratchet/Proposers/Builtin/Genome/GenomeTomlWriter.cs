using System.Globalization;
using System.Text;
using Ratchet.Search;

namespace Ratchet.Proposers.Builtin.Genome;

/// <summary>Writes the canonical TOML of a genome: tables and keys in schema order, every key present.</summary>
internal static class GenomeTomlWriter
{
    public static string Write(ImproverGenome genome, bool documented)
    {
        var toml = new StringBuilder();
        if (documented)
        {
            toml.Append("# Ratchet improver genome: the settings of the built-in search, and nothing else.\n");
            toml.Append("# Budgets, limits, the sandbox and the policy cannot be set here. Every key is optional;\n");
            toml.Append("# each comment gives its meaning, default and bounds. Unknown keys are errors.\n\n");
        }
        foreach (var table in GenomeSchema.Tables)
        {
            if (table.Length > 0)
            {
                toml.Append('\n');
                if (documented && GenomeSchema.TableDocs.TryGetValue(table, out var doc))
                    toml.Append("# ").Append(doc.Replace("\n", "\n# ", StringComparison.Ordinal)).Append('\n');
                toml.Append('[').Append(table).Append("]\n");
            }
            foreach (var key in GenomeSchema.Keys.Where(k => k.Table == table))
            {
                if (documented)
                    toml.Append("# ").Append(key.Doc).Append(" (default ").Append(Value(key, key.Get(ImproverGenome.Default)))
                        .Append("; ").Append(Bounds(key)).Append(")\n");
                toml.Append(key.Name).Append(" = ").Append(Value(key, key.Get(genome))).Append('\n');
            }
            if (table == "archive")
                WriteFeatures(toml, genome.Archive.Features, documented);
        }
        return toml.ToString();
    }

    private static void WriteFeatures(StringBuilder toml, IReadOnlyList<FeatureDimension> features, bool documented)
    {
        if (documented)
        {
            toml.Append("\n# Grid dimensions, 1 to 4 tables, at most 100000 cells: kind = \"length\" (program bytes relative to\n")
                .Append("# the root program) or kind = \"metric\" with metric = a numeric key of the scorer's JSON;\n")
                .Append("# values are binned uniformly over [min, max] (outside: first or last bin), 1 to 1000 bins.\n");
        }
        foreach (var f in features)
        {
            toml.Append(documented ? "" : "\n").Append("[[").Append(GenomeSchema.FeaturesPath).Append("]]\n");
            toml.Append("kind = ").Append(f.Kind == FeatureKind.Length ? "\"length\"" : "\"metric\"").Append('\n');
            toml.Append("metric = ").Append(Quote(f.Metric)).Append('\n');
            toml.Append("min = ").Append(Number(f.Min)).Append('\n');
            toml.Append("max = ").Append(Number(f.Max)).Append('\n');
            toml.Append("bins = ").Append(f.Bins.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
    }

    private static string Value(GenomeKey key, object value) => key.Kind switch
    {
        GenomeValueKind.Float => Number((double)value),
        GenomeValueKind.Integer => ((int)value).ToString(CultureInfo.InvariantCulture),
        GenomeValueKind.Boolean => (bool)value ? "true" : "false",
        _ => Quote((string)value),
    };

    private static string Bounds(GenomeKey key) => key.Kind switch
    {
        GenomeValueKind.Float => $"{Number(key.Min)} to {Number(key.Max)}",
        GenomeValueKind.Integer => $"{key.Min.ToString(CultureInfo.InvariantCulture)} to {key.Max.ToString(CultureInfo.InvariantCulture)}",
        GenomeValueKind.Boolean => "true or false",
        _ => string.Join(" or ", key.Choices ?? []),
    };

    /// <summary>A TOML float: shortest round-trip digits, always with a dot or an exponent.</summary>
    public static string Number(double value)
    {
        if (!double.IsFinite(value))
            return double.IsNaN(value) ? "nan" : value > 0 ? "inf" : "-inf";
        var text = value.ToString("R", CultureInfo.InvariantCulture).Replace('E', 'e');
        return text.Contains('.') || text.Contains('e') ? text : text + ".0";
    }

    public static string Quote(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                < ' ' or '\u007f' => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }
        return quoted.Append('"').ToString();
    }
}
