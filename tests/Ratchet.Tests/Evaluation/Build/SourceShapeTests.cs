using Ratchet.Evaluation.Build;

namespace Ratchet.Tests.Evaluation.Build;

public sealed class SourceShapeTests
{
    [Fact]
    public void Check_WhenOrdinaryProgram_Passes()
    {
        var text = "var xs = new[] { 1, 2, 3 };\nConsole.WriteLine(xs.Select(x => (x + 1) * 2).Sum());\n";

        Assert.Null(SourceShape.Check("Program.cs", text, maxNesting: 256, maxOperatorRun: 2000));
    }

    [Fact]
    public void Check_WhenNestingPassesTheCap_NamesFileLineAndOption()
    {
        var text = "int a = 0;\nvar x = " + new string('(', 11) + "1" + new string(')', 11) + ";\n";

        var reason = SourceShape.Check("Program.cs", text, maxNesting: 10, maxOperatorRun: 2000);

        Assert.Equal("Program.cs:2: brackets nest deeper than 10 levels (CSharpBuildOptions.MaxNestingDepth); " +
            "flatten the expression or split it into methods", reason);
    }

    [Fact]
    public void Check_WhenManyShallowBracketsFollowEachOther_DoesNotAccumulateDepth()
    {
        var text = string.Concat(Enumerable.Repeat("f(g(1));\n", 1000));

        Assert.Null(SourceShape.Check("Program.cs", text, maxNesting: 3, maxOperatorRun: 2000));
    }

    [Fact]
    public void Check_WhenOneExpressionChainsTooManyOperators_Refuses()
    {
        var text = "int a = 1;\nvar x = " + string.Join("+", Enumerable.Repeat("a", 102)) + ";\n";

        var reason = SourceShape.Check("Program.cs", text, maxNesting: 256, maxOperatorRun: 100);

        Assert.StartsWith("Program.cs:2: more than 100 operators in one expression", reason);
    }

    [Fact]
    public void Check_WhenOperatorsAreSpreadOverStatementsOrArguments_CountsEachSeparately()
    {
        var statements = string.Concat(Enumerable.Repeat("x = a + b - c;\n", 100));
        var arguments = "F(" + string.Join(", ", Enumerable.Repeat("-1", 100)) + ");\n";

        Assert.Null(SourceShape.Check("Program.cs", statements + arguments, maxNesting: 256, maxOperatorRun: 5));
    }

    [Fact]
    public void Check_WhenNestedBracketCloses_ResumesTheOuterRun()
    {
        // 3 operators outside the parentheses, 3 inside: neither run passes 4, their sum would.
        var text = "var x = a + b + (c * d * e * f) + g;\n";

        Assert.Null(SourceShape.Check("Program.cs", text, maxNesting: 256, maxOperatorRun: 4));
    }
}
