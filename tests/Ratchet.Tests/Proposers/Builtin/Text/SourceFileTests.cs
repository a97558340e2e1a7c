using Ratchet.Proposers.Builtin.Text;

namespace Ratchet.Tests.Proposers.Builtin.Text;

public sealed class SourceFileTests
{
    [Fact]
    public void Literals_WhenEvolveMarkers_OnlyInsideRegions()
    {
        var file = SourceFile.Parse("a.py", "x = 1\n# EVOLVE-BLOCK-START\ny = 2\n# EVOLVE-BLOCK-END\nz = 3\n");
        Assert.Equal([2.0], file.Literals.Select(l => l.Value));
    }

    [Fact]
    public void Literals_UnaryMinus_IsAbsorbedButBinaryMinusIsNot()
    {
        var file = SourceFile.Parse("a.py", "a = [-1.5, x -2, f(-3)]\n");
        Assert.Equal([-1.5, 2, -3], file.Literals.Select(l => l.Value));
    }

    [Fact]
    public void LiteralKeys_WhenLineInsertedAbove_StayTheSame()
    {
        var before = SourceFile.Parse("a.py", "import os\nrate = 0.1\nsteps = 100\n");
        var after = SourceFile.Parse("a.py", "import os\nprint(1)\nrate = 0.1\nsteps = 100\n");
        Assert.Equal(before.Literals.Select(l => l.Key), after.Literals.Where(l => l.Value != 1).Select(l => l.Key));
        Assert.Equal(2, before.Literals.Select(l => l.Key).Distinct().Count());
    }

    [Fact]
    public void Lines_ExcludeCommentsUnbalancedLinesAndBlockHeaders()
    {
        var file = SourceFile.Parse("a.py", "def f(x):\n    y = g(x,\n          2)\n    z = 3  # note\n    return y\n");
        Assert.Equal(["    return y\n"], file.Lines.Select(u => file.Text[u.Start..u.End]));
    }

    [Fact]
    public void OperatorSites_SkipGenericsPointersAndUnaryMinus()
    {
        var file = SourceFile.Parse("a.cs", "List<int> xs = new(); int* p = null; var a = -b; var c = d < e && f * g > h;\n");
        var ops = file.OperatorSites.Select(i => file.TextOf(file.Tokens[i])).ToArray();
        Assert.Equal(["<", "&&", "*", ">"], ops);
    }

    [Fact]
    public void BooleanSites_PythonUsesCapitalised()
    {
        var file = SourceFile.Parse("a.py", "a = True\nb = true\nc = 'False'\n");
        Assert.Equal(["True"], file.BooleanSites.Select(i => file.TextOf(file.Tokens[i])));
    }

    [Fact]
    public void Parse_WhenMarkersMalformed_IsFrozen()
    {
        var file = SourceFile.Parse("a.py", "# EVOLVE-BLOCK-START\nx = 1\n");
        Assert.True(file.IsFrozen);
    }
}
