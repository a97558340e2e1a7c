using Ratchet.Oversight;

namespace Ratchet.Tests.Oversight.Auditors;

public sealed class StatefulAuditorTests
{
    [Fact]
    public void Judge_WhenBothRunsWroteTheSameOutputs_Passes()
    {
        Assert.Equal(Verdict.Pass, StatefulAuditor.Judge("ABCDEF0123456789", "abcdef0123456789").Verdict);
    }

    [Fact]
    public void Judge_WhenTheOutputsDiffer_RejectsAsStatefulCheating()
    {
        var verdict = StatefulAuditor.Judge("aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb");

        Assert.Equal(Verdict.Reject, verdict.Verdict);
        Assert.Equal(RedTeamCategories.StatefulCheating, verdict.Category);
        Assert.Contains("aaaaaaaaaaaa vs bbbbbbbbbbbb", verdict.Reasons.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_AfterSeveralReRuns_SaysWhichReRunDifferedOrHowManyAgreed()
    {
        var differed = StatefulAuditor.Judge("aaaaaaaaaaaaaaaa", "cccccccccccccccc", reruns: 4);
        var agreed = StatefulAuditor.Judge("aaaaaaaaaaaaaaaa", "aaaaaaaaaaaaaaaa", reruns: 6);

        Assert.Equal(Verdict.Reject, differed.Verdict);
        Assert.Contains("same-seed re-run 4", differed.Reasons.Single(), StringComparison.Ordinal);
        Assert.Equal(Verdict.Pass, agreed.Verdict);
        Assert.Contains("6 same-seed re-runs", agreed.Reasons.Single(), StringComparison.Ordinal);
    }
}
