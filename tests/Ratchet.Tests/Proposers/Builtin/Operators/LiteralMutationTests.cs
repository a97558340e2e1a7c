using Ratchet.Proposers.Builtin;
using Ratchet.Proposers.Builtin.Adaptation;
using Ratchet.Proposers.Builtin.Genome;
using Ratchet.Proposers.Builtin.Operators;
using Ratchet.Proposers.Builtin.Text;
using Ratchet.Search;

namespace Ratchet.Tests.Proposers.Builtin.Operators;

public sealed class LiteralMutationTests
{
    private static readonly LiteralSettings Settings = ImproverGenome.Default.Literal with { SameLine = 0 };

    private static IEnumerable<string> Children(string text, string path, LiteralSettings settings, int count = 200)
    {
        var program = new ProgramView(Fixtures.Program(text, path));
        var steps = new StepSizeTable(settings);
        for (ulong seed = 0; seed < (ulong)count; seed++)
        {
            if (LiteralMutation.Apply(program, steps, settings, new SearchRandom(seed)) is { } mutation)
                yield return mutation.Changed[path];
        }
    }

    [Fact]
    public void Apply_IntegerLiteral_StaysAnIntegerAndMoves()
    {
        foreach (var child in Children("n = 7\n", "a.py", Settings))
        {
            var value = SourceFile.Parse("a.py", child).Literals.Single();
            Assert.True(value.Literal.IsInteger);
            Assert.NotEqual(7, value.Value);
        }
    }

    [Fact]
    public void Apply_WhenGenomeAllowsFloats_IntegersMayBecomeFloats() =>
        Assert.Contains(Children("n = 7\n", "a.py", Settings with { IntToFloat = true }), c => c.Contains('.'));

    [Fact]
    public void Apply_FloatWithSuffix_KeepsSuffixAndStaysFloat()
    {
        foreach (var child in Children("var r = 2.5f;\n", "a.cs", Settings))
            Assert.Matches(@"^var r = -?\d+\.\d+(e-?\d+)?f;\n$", child);
    }

    [Fact]
    public void Apply_NegativeResultAfterBinaryMinus_DoesNotFormADecrement()
    {
        var children = Children("int a = b-1;\n", "a.c", Settings with { InitialStep = 5 }).ToArray();
        Assert.Contains(children, c => c.Contains("b- -", StringComparison.Ordinal));
        Assert.DoesNotContain(children, c => c.Contains("--", StringComparison.Ordinal));
    }

    [Fact]
    public void Apply_SameLine_MovesEveryLiteralOnTheLine()
    {
        var settings = Settings with { SameLine = 1 };
        var child = Children("p = (0.25, 0.75)\nq = 0.5\n", "a.py", settings).First(c => c.EndsWith("q = 0.5\n", StringComparison.Ordinal));
        var values = SourceFile.Parse("a.py", child).Literals.Select(l => l.Value).ToArray();
        Assert.NotEqual(0.25, values[0]);
        Assert.NotEqual(0.75, values[1]);
    }

    [Fact]
    public void Apply_WhenNoLiterals_GivesNothing() =>
        Assert.Empty(Children("x = y\n", "a.py", Settings, 10));
}
