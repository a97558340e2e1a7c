using Ratchet.Proposers.Builtin;
using Ratchet.Proposers.Builtin.Adaptation;
using Ratchet.Proposers.Builtin.Genome;
using Ratchet.Proposers.Builtin.Operators;
using Ratchet.Proposers.Builtin.Text;
using Ratchet.Search;

namespace Ratchet.Tests.Proposers.Builtin.Operators;

public sealed class CmaMutationTests
{
    [Fact]
    public void Apply_WithoutIntegers_MovesFloatLiteralsAndLeavesIntegersAlone()
    {
        var program = new ProgramView(Fixtures.Program("a = 0.5\nb = 1.5\nn = 10\n"));
        var settings = ImproverGenome.Default.Cma with { Integers = false };
        var state = new CmaState(CmaMutation.Layout(program, settings), CmaMutation.Values(program, settings), settings, 0.1);
        var mutation = CmaMutation.Apply(program, state, settings, ImproverGenome.Default.Literal, new SearchRandom(3))!;
        var child = SourceFile.Parse("main.py", mutation.Changed["main.py"]);
        Assert.Equal(3, child.Literals.Count);
        Assert.NotEqual(0.5, child.Literals[0].Value);
        Assert.NotEqual(1.5, child.Literals[1].Value);
        Assert.Equal(10, child.Literals[2].Value);
        Assert.Equal(MutationKind.Cma, mutation.Kind);
    }

    [Fact]
    public void Apply_WithIntegers_MovesThemTooAndKeepsThemIntegers()
    {
        var program = new ProgramView(Fixtures.Program("a = 0.5\nn = 40\nm = 300\n"));
        var settings = ImproverGenome.Default.Cma with { InitialStep = 0.3 };
        var state = new CmaState(CmaMutation.Layout(program, settings), CmaMutation.Values(program, settings), settings, 0.1);
        Assert.Equal(3, state.Dimensions);
        var moved = new HashSet<int>();
        for (ulong seed = 1; seed <= 20; seed++)
        {
            var mutation = CmaMutation.Apply(program, state, settings, ImproverGenome.Default.Literal, new SearchRandom(seed))!;
            var child = SourceFile.Parse("main.py", mutation.Changed["main.py"]);
            for (var i = 1; i <= 2; i++)
            {
                Assert.True(child.Literals[i].Literal.IsInteger, child.Text);
                if (child.Literals[i].Value != program.NumberSites[i].Site.Value)
                    moved.Add(i);
            }
        }
        Assert.Equal([1, 2], moved.Order());
    }

    [Theory]
    [InlineData("a = 0.5\n", false)]
    [InlineData("a = 0.5\nb = 0.25\n", true)]
    public void Applies_NeedsAtLeastMinDimensions(string text, bool expected) =>
        Assert.Equal(expected, CmaMutation.Applies(new ProgramView(Fixtures.Program(text)), ImproverGenome.Default.Cma));

    [Fact]
    public void Applies_AboveMaxDimensions_IsFalse()
    {
        var program = new ProgramView(Fixtures.Program(Fixtures.VectorProgram(Enumerable.Range(1, 10).Select(i => i / 10.0))));
        Assert.False(CmaMutation.Applies(program, ImproverGenome.Default.Cma with { MaxDimensions = 9 }));
    }
}
