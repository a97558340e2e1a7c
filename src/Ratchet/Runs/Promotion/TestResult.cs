namespace Ratchet.Runs.Promotion;

/// <summary>The figures of one Welch test: the observed gain (positive = better), its standard error, t, the degrees of
/// freedom, the one-sided p-value of "no gain beyond min_gain", and the level it had to reach.</summary>
public sealed record TestResult(double Gain, double StandardError, double T, double DegreesOfFreedom, double PValue, double Level)
{
    /// <summary>True when the p-value is at or below the level: the gain beats the noise.</summary>
    public bool Passed => PValue <= Level;

    /// <summary>True for the paired test (repeats matched by seed), false for Welch's.</summary>
    public bool Paired { get; init; }

    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"gain {Gain:G4} ± {StandardError:G3}, {(Paired ? "paired" : "Welch")} t = {T:F2}, df {DegreesOfFreedom:F1}, p = {PValue:G3} (needs ≤ {Level:G3})");
}
