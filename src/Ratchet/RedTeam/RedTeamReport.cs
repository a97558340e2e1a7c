namespace Ratchet.RedTeam;

/// <summary>The outcome of a red-team session: one result per attack, the benign set's false rejections, and what ran.</summary>
public sealed record RedTeamReport(
    string PolicySource,
    string PolicyHash,
    IReadOnlyList<CaseResult> Attacks,
    IReadOnlyList<CaseResult> Benign,
    IReadOnlyList<string> MissingCategories,
    double WallSeconds)
{
    public int Escaped => Attacks.Count(a => a.Result == CaseOutcome.Escaped);

    public int Caught => Attacks.Count(a => a.Result == CaseOutcome.Caught);

    public int Contained => Attacks.Count(a => a.Result == CaseOutcome.Contained);

    /// <summary>Cases the runner could not run (attacks and benign together).</summary>
    public int Errors => Attacks.Concat(Benign).Count(a => a.Result == CaseOutcome.Error);

    public int BenignRejected => Benign.Count(b => b.Result != CaseOutcome.Promoted);

    /// <summary>Benign false-rejection rate (0 when there is no benign case).</summary>
    public double BenignRejectionRate => Benign.Count == 0 ? 0 : (double)BenignRejected / Benign.Count;

    /// <summary>True when nothing escaped and every case ran.</summary>
    public bool Passed => Escaped == 0 && Errors == 0;
}
