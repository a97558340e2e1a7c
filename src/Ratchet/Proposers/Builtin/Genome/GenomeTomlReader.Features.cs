using Ratchet.Common;
using System.Globalization;
using Ratchet.Search;
using Tomlyn.Syntax;

namespace Ratchet.Proposers.Builtin.Genome;

internal sealed partial class GenomeTomlReader
{
    private void ReadFeature(TableSyntaxBase table, int line)
    {
        var path = $"{GenomeSchema.FeaturesPath}[{_features.Count}]";
        _lines[path] = line;
        var values = new Dictionary<string, ValueSyntax?>(StringComparer.Ordinal);
        foreach (var item in table.Items)
        {
            var name = KeyText(item.Key);
            if (!GenomeSchema.FeatureKeys.Contains(name))
                _errors.Add(new(Line(item), $"{path}.{name}", $"unknown key; did you mean '{NearestName.Closest(name, GenomeSchema.FeatureKeys)}'?"));
            else if (!values.TryAdd(name, item.Value))
                _errors.Add(new(Line(item), $"{path}.{name}", "set twice; keep one"));
        }
        var ok = true;
        var kind = FeatureKind.Length;
        if (Text(values, "kind", path, line, ref ok) is { } kindText)
        {
            if (kindText is "length" or "metric")
                kind = kindText == "length" ? FeatureKind.Length : FeatureKind.Metric;
            else
                Fail(ref ok, line, path, $"kind = \"{kindText}\" is not \"length\" or \"metric\"");
        }
        var metric = values.ContainsKey("metric") ? Text(values, "metric", path, line, ref ok) ?? "" : "";
        var min = Number(values, "min", path, line, ref ok);
        var max = Number(values, "max", path, line, ref ok);
        var bins = Number(values, "bins", path, line, ref ok);
        if (bins != Math.Floor(bins) || bins is < int.MinValue or > int.MaxValue)
            Fail(ref ok, line, path, $"bins = {bins.ToString(CultureInfo.InvariantCulture)} must be a whole number, e.g. bins = 10");
        // A broken table still takes its place in the list, so the remaining tables keep their indices in messages.
        _features.Add(ok ? new FeatureDimension(kind, metric, min, max, (int)bins) : new FeatureDimension(FeatureKind.Length, "", 0, 1, 1));
    }

    private string? Text(Dictionary<string, ValueSyntax?> values, string key, string path, int line, ref bool ok)
    {
        if (!values.TryGetValue(key, out var value))
        {
            Fail(ref ok, line, path, $"missing key '{key}' (e.g. {key} = \"length\")");
            return null;
        }
        if (value is StringValueSyntax s)
            return s.Value ?? "";
        Fail(ref ok, line, path, $"{key} must be a quoted string");
        return null;
    }

    private double Number(Dictionary<string, ValueSyntax?> values, string key, string path, int line, ref bool ok)
    {
        switch (values.GetValueOrDefault(key))
        {
            case FloatValueSyntax f:
                return f.Value;
            case IntegerValueSyntax i:
                return i.Value;
            case null:
                Fail(ref ok, line, path, $"missing key '{key}' (e.g. {key} = 10)");
                return 0;
            default:
                Fail(ref ok, line, path, $"{key} must be a number");
                return 0;
        }
    }

    private void Fail(ref bool ok, int line, string path, string message)
    {
        ok = false;
        _errors.Add(new(line, path, message));
    }
}
