using Ratchet.Tasks;

namespace Ratchet.Oversight;

/// <summary>Judges whether a candidate's sealed holdout score agrees with its visible one: a candidate whose visible score
/// improves must also improve on the holdout, or at least not regress by more than the margin. A visible gain the holdout
/// does not share is the mark of special-casing the visible tests.</summary>
public static class HoldoutAgreementAuditor
{
    public const string AuditorName = "holdout-agreement";

    /// <summary>Compares the candidate with the champion on both the visible and the holdout evaluation.</summary>
    /// <param name="margin">Relative margin (<c>[auditors] holdout_margin</c>): the candidate passes when its holdout gain is
    /// above <c>-margin × |holdoutChampionScore|</c> (with 0, the holdout must strictly improve too).</param>
    /// <returns>Pass when the visible score does not improve (nothing to agree with) or the holdout agrees; Reject otherwise.</returns>
    public static AuditVerdict Judge(double visibleScore, double visibleChampionScore, double holdoutScore, double holdoutChampionScore,
        Direction direction, double margin)
    {
        if (!double.IsFinite(margin) || margin < 0)
            throw new ArgumentOutOfRangeException(nameof(margin), margin, "the margin must be a finite number of at least 0");
        foreach (var (value, what) in new[] { (visibleScore, "visible score"), (holdoutScore, "holdout score"), (visibleChampionScore, "visible champion score"), (holdoutChampionScore, "holdout champion score") })
        {
            if (!double.IsFinite(value))
                return new AuditVerdict(AuditorName, Verdict.Reject, [$"the {what} is not a finite number ({value})"], RedTeamCategories.NonFinite);
        }
        var visibleGain = Gain(visibleScore, visibleChampionScore, direction);
        if (visibleGain <= 0)
            return new AuditVerdict(AuditorName, Verdict.Pass, [$"visible score {Num(visibleScore)} does not improve on the champion's {Num(visibleChampionScore)}; nothing to compare"]);
        var holdoutGain = Gain(holdoutScore, holdoutChampionScore, direction);
        var floor = -margin * Math.Abs(holdoutChampionScore);
        var summary = $"visible {Num(visibleChampionScore)} -> {Num(visibleScore)} (gain {Num(visibleGain)}), holdout {Num(holdoutChampionScore)} -> {Num(holdoutScore)} (gain {Num(holdoutGain)})";
        if (holdoutGain > floor)
            return new AuditVerdict(AuditorName, Verdict.Pass, [$"{summary}: the holdout agrees"]);
        var rule = margin == 0
            ? "the holdout must improve too (holdout_margin 0)"
            : $"the holdout may not regress by {Num(-floor)} or more (holdout_margin {Num(margin)} of |{Num(holdoutChampionScore)}|)";
        return new AuditVerdict(AuditorName, Verdict.Reject, [$"{summary}: {rule}"], RedTeamCategories.VisibleTestSpecialCasing);
    }

    private static double Gain(double candidate, double champion, Direction direction) =>
        direction == Direction.Maximize ? candidate - champion : champion - candidate;

    private static string Num(double value) => PolicyFormat.Number(value);
}
