using Ratchet.Oversight;

namespace Ratchet.Tests.Oversight.Rules;

public sealed class TokenPatternTests
{
    [Theory]
    [InlineData("os . system", "os.system('x')", true)]
    [InlineData("os . system|popen", "os.popen('x')", true)]
    [InlineData("^ eval", "model.eval()", false)]
    [InlineData("^ eval", "eval('x')", true)]
    [InlineData("exec*", "execvp", true)]
    [InlineData("$str:^/etc", "'/etc/passwd'", true)]
    [InlineData("getattr ( ... , $str )", "getattr(a.b.c, 'x')", true)]
    [InlineData("time . time =", "time.time == 3", false)]
    [InlineData("env !$id", "env", true)]
    [InlineData("env !$id", "env X", false)]
    [InlineData("f ( ... x", "f(a)\nx", false)]
    public void TryMatch_FollowsTheDocumentedSyntax(string pattern, string code, bool matches)
    {
        var tokens = PythonTokenizer.Tokenize(code);
        var compiled = TokenPattern.Parse(pattern);

        Assert.Equal(matches, Enumerable.Range(0, tokens.Count).Any(i => compiled.TryMatch(tokens, i, out _)));
    }

    [Fact]
    public void Parse_WhenThePatternStartsWithAGap_Throws()
    {
        Assert.Throws<ArgumentException>(() => TokenPattern.Parse("... x"));
    }
}
