namespace Ratchet.Oversight;

/// <summary>Judges whether a re-run of the same candidate reproduces its score within a relative tolerance; a score that
/// does not reproduce is seed luck or a program that behaves differently on re-runs.</summary>
public static class ReproducibilityAuditor
{
    public const string AuditorName = "reproducibility";

    /// <summary>How many standard errors of the difference a noisy task's re-run may differ by (two-sided; about 0.4%
    /// of honest re-runs of a 5-repeat task land outside it).</summary>
    public const double NoiseStandardErrors = 4;

    /// <param name="tolerance">Relative tolerance (<c>[auditors] reproduce_tolerance</c>): the scores agree when
    /// <c>|first - rerun| ≤ max(tolerance × max(|first|, |rerun|), noise)</c>.</param>
    /// <param name="noise">Absolute allowance for measurement noise (0 for a deterministic task); see <see cref="NoiseAllowance"/>.</param>
    public static AuditVerdict Judge(double firstScore, double rerunScore, double tolerance, double noise = 0)
    {
        if (!double.IsFinite(tolerance) || tolerance < 0)
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "the tolerance must be a finite number of at least 0");
        if (!double.IsFinite(firstScore) || !double.IsFinite(rerunScore))
            return new AuditVerdict(AuditorName, Verdict.Reject, [$"a score is not a finite number (first {firstScore}, re-run {rerunScore})"], RedTeamCategories.NonFinite);
        var difference = Math.Abs(firstScore - rerunScore);
        var scale = Math.Max(Math.Abs(firstScore), Math.Abs(rerunScore));
        var relative = scale == 0 ? 0 : difference / scale;
        var text = $"first score {PolicyFormat.Number(firstScore)}, re-run {PolicyFormat.Number(rerunScore)}: relative difference {PolicyFormat.Number(relative)}";
        var allowed = noise > 0 ? $"tolerance {PolicyFormat.Number(tolerance)}, or {PolicyFormat.Number(noise)} for measurement noise" : $"tolerance {PolicyFormat.Number(tolerance)}";
        return difference <= Math.Max(tolerance * scale, Math.Max(0, noise))
            ? new AuditVerdict(AuditorName, Verdict.Pass, [$"{text} ({allowed})"])
            : new AuditVerdict(AuditorName, Verdict.Reject, [$"{text} is above the {allowed}: the score does not reproduce"], RedTeamCategories.SeedLuck);
    }

    /// <summary>The noise allowance for comparing the means of two sets of repeats: <see cref="NoiseStandardErrors"/>
    /// standard errors of the difference, from the two samples' variances (0 when either has one value or no spread).</summary>
    public static double NoiseAllowance(IReadOnlyList<double> first, IReadOnlyList<double> rerun)
    {
        if (first.Count < 2 || rerun.Count < 2)
            return 0;
        static double Variance(IReadOnlyList<double> xs)
        {
            var mean = xs.Average();
            return xs.Sum(x => (x - mean) * (x - mean)) / (xs.Count - 1);
        }
        var standardError = Math.Sqrt(Variance(first) / first.Count + Variance(rerun) / rerun.Count);
        return double.IsFinite(standardError) ? NoiseStandardErrors * standardError : 0;
    }
}
