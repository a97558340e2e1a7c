using System.Text.Json;
using Ratchet.Tasks;

namespace Ratchet.Search;

/// <summary>Maps a candidate to its grid cell: one bin per feature dimension, combined row-major.</summary>
public sealed class FeatureSpace
{
    private readonly IReadOnlyList<FeatureDimension> _dimensions;
    private readonly double _rootLength;

    /// <param name="dimensions">The grid's dimensions.</param>
    /// <param name="rootLength">Length in bytes of the root program; <see cref="FeatureKind.Length"/> is measured relative to it.</param>
    public FeatureSpace(IReadOnlyList<FeatureDimension> dimensions, long rootLength)
    {
        _dimensions = dimensions;
        _rootLength = Math.Max(1, rootLength);
    }

    public long CellOf(ProgramSnapshot program, string? metrics)
    {
        var values = MetricValues(metrics);
        long cell = 0;
        foreach (var dimension in _dimensions)
        {
            double? value = dimension.Kind == FeatureKind.Length
                ? program.Length / _rootLength
                : values.TryGetValue(dimension.Metric, out var metric) ? metric : null;
            cell = cell * Math.Max(1, dimension.Bins) + dimension.BinOf(value);
        }
        return cell;
    }

    /// <summary>The bins of a cell, one per dimension.</summary>
    public IReadOnlyList<int> Coordinates(long cell)
    {
        var coordinates = new int[_dimensions.Count];
        for (var i = _dimensions.Count - 1; i >= 0; i--)
        {
            var bins = Math.Max(1, _dimensions[i].Bins);
            coordinates[i] = (int)(cell % bins);
            cell /= bins;
        }
        return coordinates;
    }

    private static Dictionary<string, double> MetricValues(string? metrics)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(metrics))
            return values;
        try
        {
            using var document = JsonDocument.Parse(metrics);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return values;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetDouble(out var number))
                    values[property.Name] = number;
            }
        }
        catch (JsonException)
        {
            // Unreadable metrics place the candidate in the first bin of each metric dimension.
        }
        return values;
    }
}
