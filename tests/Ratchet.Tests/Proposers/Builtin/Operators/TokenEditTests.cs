using Ratchet.Proposers.Builtin;
using Ratchet.Proposers.Builtin.Operators;
using Ratchet.Search;

namespace Ratchet.Tests.Proposers.Builtin.Operators;

public sealed class TokenEditTests
{
    private static string[] Children(MutationKind kind, string text, string path) =>
        [.. Enumerable.Range(0, 200)
            .Select(s => TokenEdit.Apply(kind, new ProgramView(Fixtures.Program(text, path)), new SearchRandom((ulong)s)))
            .OfType<Mutation>().Select(m => m.Changed[path]).Distinct().Order()];

    [Fact]
    public void OperatorSwap_ComparisonsTradeWithinTheirGroup() =>
        Assert.Equal(["if a <= b: pass\n", "if a > b: pass\n", "if a >= b: pass\n"], Children(MutationKind.OperatorSwap, "if a < b: pass\n", "a.py"));

    [Fact]
    public void OperatorSwap_ArithmeticAndLogicSwap()
    {
        var children = Children(MutationKind.OperatorSwap, "x = a + b && c;\n", "a.js");
        Assert.Contains("x = a - b && c;\n", children);
        Assert.Contains("x = a + b || c;\n", children);
    }

    [Fact]
    public void OperatorSwap_PythonKeywordOperators() =>
        Assert.Equal(["ok = a or b\n"], Children(MutationKind.OperatorSwap, "ok = a and b\n", "a.py"));

    [Fact]
    public void BooleanFlip_UsesTheLanguagesLiterals()
    {
        Assert.Equal(["x = False\n"], Children(MutationKind.BooleanFlip, "x = True\n", "a.py"));
        Assert.Equal(["var x = true;\n"], Children(MutationKind.BooleanFlip, "var x = false;\n", "a.cs"));
    }
}
