using Ratchet.Oversight;
using Ratchet.Tasks;

namespace Ratchet.Tests.Oversight.Auditors;

public sealed class SizeAuditorTests
{
    [Theory]
    [InlineData(4, Verdict.Pass)]
    [InlineData(3, Verdict.Reject)]
    public void Audit_CountsAddedPlusRemovedLinesAgainstTheCap(int maxDiffLines, Verdict expected)
    {
        // two lines changed: each counts once removed and once added
        var verdict = new SizeAuditor(maxDiffLines, 1_000).Audit(Input("a\nb\nc\n", "a\nB\nC\n"));

        Assert.Equal(expected, verdict.Verdict);
    }

    [Fact]
    public void Audit_WhenTheProgramGrowsPastTheByteCap_RejectsNamingTheKey()
    {
        var verdict = new SizeAuditor(100, 5).Audit(Input("a\n", "abcdefgh\n"));

        Assert.Equal(Verdict.Reject, verdict.Verdict);
        Assert.Contains("max_program_bytes", verdict.Reasons.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void FromPolicy_UsesTheAuditorSection()
    {
        var auditor = SizeAuditor.FromPolicy(Presets.Get("delegate"));

        Assert.Equal(400, auditor.MaxDiffLines);
        Assert.Equal(1_048_576, auditor.MaxProgramBytes);
    }

    private static StaticAuditInput Input(string parent, string candidate) =>
        new(RuleScan.Task(), new ProgramSnapshot([KeyValuePair.Create("main.py", parent)]), new ProgramSnapshot([KeyValuePair.Create("main.py", candidate)]), "");
}
