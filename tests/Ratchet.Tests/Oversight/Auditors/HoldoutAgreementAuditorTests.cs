using Ratchet.Oversight;
using Ratchet.Tasks;

namespace Ratchet.Tests.Oversight.Auditors;

public sealed class HoldoutAgreementAuditorTests
{
    [Theory]
    // visible, visibleChampion, holdout, holdoutChampion, direction, margin, expected
    [InlineData(11.0, 10.0, 10.5, 10.0, Direction.Maximize, 0.0, Verdict.Pass)]
    [InlineData(11.0, 10.0, 10.0, 10.0, Direction.Maximize, 0.0, Verdict.Reject)]
    [InlineData(11.0, 10.0, 9.0, 10.0, Direction.Maximize, 0.0, Verdict.Reject)]
    [InlineData(11.0, 10.0, 9.5, 10.0, Direction.Maximize, 0.1, Verdict.Pass)]
    [InlineData(11.0, 10.0, 9.0, 10.0, Direction.Maximize, 0.1, Verdict.Reject)]
    [InlineData(9.0, 10.0, 9.5, 10.0, Direction.Minimize, 0.0, Verdict.Pass)]
    [InlineData(9.0, 10.0, 10.5, 10.0, Direction.Minimize, 0.0, Verdict.Reject)]
    [InlineData(10.0, 10.0, 1.0, 10.0, Direction.Maximize, 0.0, Verdict.Pass)]
    public void Judge_ComparesTheHoldoutGainWithTheMargin(double visible, double visibleChampion, double holdout, double holdoutChampion,
        Direction direction, double margin, Verdict expected)
    {
        var verdict = HoldoutAgreementAuditor.Judge(visible, visibleChampion, holdout, holdoutChampion, direction, margin);

        Assert.Equal(expected, verdict.Verdict);
        Assert.Equal(HoldoutAgreementAuditor.AuditorName, verdict.Auditor);
    }

    [Fact]
    public void Judge_WhenVisibleImprovesButHoldoutDoesNot_RejectsAsSpecialCasingWithTheNumbers()
    {
        var verdict = HoldoutAgreementAuditor.Judge(2.9, 2.5, 2.4, 2.45, Direction.Maximize, 0.0);

        Assert.Equal(Verdict.Reject, verdict.Verdict);
        Assert.Equal(RedTeamCategories.VisibleTestSpecialCasing, verdict.Category);
        Assert.Equal("visible 2.5 -> 2.9 (gain 0.4), holdout 2.45 -> 2.4 (gain -0.05): the holdout must improve too (holdout_margin 0)", verdict.Reasons.Single());
    }

    [Fact]
    public void Judge_WhenAScoreIsNotFinite_RejectsAsNonFinite()
    {
        var verdict = HoldoutAgreementAuditor.Judge(11, 10, double.NaN, 10, Direction.Maximize, 0);

        Assert.Equal(Verdict.Reject, verdict.Verdict);
        Assert.Equal(RedTeamCategories.NonFinite, verdict.Category);
    }
}
