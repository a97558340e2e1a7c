namespace Ratchet.Oversight;

/// <summary>Judges whether a re-run of the same candidate reproduces its score within a relative tolerance; a score that
/// does not reproduce is seed luck or a program that behaves differently on re-runs.</summary>
public static class ReproducibilityAuditor
{
    public const string AuditorName = "reproducibility";

    /// <param name="tolerance">Relative tolerance (<c>[auditors] reproduce_tolerance</c>): the scores agree when
    /// <c>|first - rerun| ≤ tolerance × max(|first|, |rerun|)</c>.</param>
    public static AuditVerdict Judge(double firstScore, double rerunScore, double tolerance)
    {
        if (!double.IsFinite(tolerance) || tolerance < 0)
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "the tolerance must be a finite number of at least 0");
        if (!double.IsFinite(firstScore) || !double.IsFinite(rerunScore))
            return new AuditVerdict(AuditorName, Verdict.Reject, [$"a score is not a finite number (first {firstScore}, re-run {rerunScore})"], RedTeamCategories.NonFinite);
        var difference = Math.Abs(firstScore - rerunScore);
        var scale = Math.Max(Math.Abs(firstScore), Math.Abs(rerunScore));
        var relative = scale == 0 ? 0 : difference / scale;
        var text = $"first score {PolicyFormat.Number(firstScore)}, re-run {PolicyFormat.Number(rerunScore)}: relative difference {PolicyFormat.Number(relative)}";
        return difference <= tolerance * scale
            ? new AuditVerdict(AuditorName, Verdict.Pass, [$"{text} (tolerance {PolicyFormat.Number(tolerance)})"])
            : new AuditVerdict(AuditorName, Verdict.Reject, [$"{text} is above the tolerance {PolicyFormat.Number(tolerance)}: the score does not reproduce"], RedTeamCategories.SeedLuck);
    }
}
