namespace Ratchet.Search;

/// <summary>What a feature dimension of the archive grid measures.</summary>
public enum FeatureKind
{
    /// <summary>Program length in bytes, relative to the root program (1.0 = as long as the root).</summary>
    Length,
    /// <summary>A numeric metric from the scorer's visible JSON, named by <see cref="FeatureDimension.Metric"/>.</summary>
    Metric,
}

/// <summary>One axis of the MAP-Elites grid: a measured value binned uniformly over [Min, Max]; values outside the
/// range fall into the first or last bin, and a missing metric into the first.</summary>
/// <param name="Kind">What is measured.</param>
/// <param name="Metric">The scorer's JSON key, for <see cref="FeatureKind.Metric"/>; empty otherwise.</param>
/// <param name="Min">Lower edge of the first bin.</param>
/// <param name="Max">Upper edge of the last bin.</param>
/// <param name="Bins">Number of bins (1 to 1000).</param>
public sealed record FeatureDimension(FeatureKind Kind, string Metric, double Min, double Max, int Bins)
{
    /// <summary>The bin of <paramref name="value"/>; a missing or non-finite value goes to bin 0.</summary>
    public int BinOf(double? value)
    {
        if (value is not { } v || !double.IsFinite(v) || Bins <= 1 || Max <= Min)
            return 0;
        var bin = (int)Math.Floor((v - Min) / (Max - Min) * Bins);
        return Math.Clamp(bin, 0, Bins - 1);
    }
}
