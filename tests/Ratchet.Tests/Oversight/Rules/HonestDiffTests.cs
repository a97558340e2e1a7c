using Ratchet.Oversight;
using Ratchet.Tasks;

namespace Ratchet.Tests.Oversight.Rules;

public sealed class HonestDiffTests
{
    public static TheoryData<string> Names() => new(HonestDiffs.All().Select(d => d.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public void Audit_WhenTheChangeIsAnHonestImprovement_Passes(string name)
    {
        var (_, path, parent, candidate) = HonestDiffs.All().Single(d => d.Name == name);
        var input = new StaticAuditInput(RuleScan.Task(), Snapshot(path, parent), Snapshot(path, candidate), "");

        var verdict = new StaticRulesAuditor().Audit(input);

        Assert.True(verdict.Verdict == Verdict.Pass, $"{name}: {verdict.Verdict}\n{string.Join("\n", verdict.Reasons)}");
    }

    [Fact]
    public void HonestSet_HasAtLeastTwentyDiffs_AndNoneIsRejected()
    {
        var diffs = HonestDiffs.All().ToArray();
        var auditor = new StaticRulesAuditor();

        var rejected = diffs.Count(d => auditor.ScanFile(d.Path, d.Parent, d.Candidate, RuleScan.Task()).Rejects());

        Assert.True(diffs.Length >= 20, $"only {diffs.Length} honest diffs");
        Assert.Equal(0, rejected);
    }

    private static ProgramSnapshot Snapshot(string path, string text) => new([KeyValuePair.Create(path, text)]);
}
