using Ratchet.Oversight;

namespace Ratchet.Tests.Oversight.Rules;

public sealed class StaticRulesAuditorRobustnessTests
{
    private const string Alphabet = "abcdefosystem_eval()[]{}<>'\"`$\\#/*+-=.,:;!?@%&|^~ \n\t\r0123456789xu{}NRfbr𝐞ｅ\u0000";

    [Theory]
    [InlineData("main.py")]
    [InlineData("Program.cs")]
    [InlineData("solver.js")]
    [InlineData("kernel.cpp")]
    [InlineData("run.sh")]
    [InlineData("data.json")]
    public void ScanFile_OnRandomText_NeverThrowsAndAlwaysFinishes(string path)
    {
        var random = new Random(20260101);
        var auditor = new StaticRulesAuditor();
        for (var round = 0; round < 300; round++)
        {
            var length = random.Next(0, 200);
            var text = new string(Enumerable.Range(0, length).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());

            var findings = auditor.ScanFile(path, null, text, RuleScan.Task());

            Assert.All(findings, f => Assert.InRange(f.Line, 1, Math.Max(1, text.Count(c => c == '\n') + 1)));
        }
    }

    [Theory]
    [InlineData("main.py", "x = '''never closed\n")]
    [InlineData("main.py", "f'{'\n")]
    [InlineData("solver.js", "const s = `a${b")]
    [InlineData("Program.cs", "var s = $\"\"\"{{ x")]
    [InlineData("solver.js", "x = \\u{1F600")]
    [InlineData("run.sh", "echo \"${HOME")]
    [InlineData("run.sh", "cat <<EOF\nno end")]
    [InlineData("kernel.c", "auto s = R\"x(never")]
    public void ScanFile_OnUnterminatedConstructs_Finishes(string path, string text)
    {
        var findings = new StaticRulesAuditor().ScanFile(path, null, text);

        Assert.NotNull(findings);
    }
}
