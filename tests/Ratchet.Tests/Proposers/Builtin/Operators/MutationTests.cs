using CsCheck;
using Ratchet.Proposers.Builtin;
using Ratchet.Proposers.Builtin.Adaptation;
using Ratchet.Proposers.Builtin.Checks;
using Ratchet.Proposers.Builtin.Genome;
using Ratchet.Proposers.Builtin.Operators;
using Ratchet.Proposers.Builtin.Text;
using Ratchet.Search;
using Ratchet.Tasks;

namespace Ratchet.Tests.Proposers.Builtin.Operators;

/// <summary>The invariants every mutation operator keeps, checked over random seeds on each language family.</summary>
public sealed class MutationTests
{
    private static readonly MutationKind[] SingleParentKinds =
    [
        MutationKind.Literal, MutationKind.Cma, MutationKind.LineDelete, MutationKind.LineDuplicate, MutationKind.LineSwap,
        MutationKind.LineMove, MutationKind.OperatorSwap, MutationKind.BooleanFlip,
    ];

    private static Mutation? Apply(MutationKind kind, ProgramView program, SearchRandom random)
    {
        var genome = ImproverGenome.Default;
        return kind switch
        {
            MutationKind.Literal => LiteralMutation.Apply(program, new StepSizeTable(genome.Literal with { InitialStep = 2 }), genome.Literal, random),
            MutationKind.Cma => CmaMutation.Apply(program, new CmaState(CmaMutation.Layout(program, genome.Cma), CmaMutation.Values(program, genome.Cma), genome.Cma with { InitialStep = 1 }, 0.1), genome.Cma, genome.Literal, random),
            MutationKind.OperatorSwap or MutationKind.BooleanFlip => TokenEdit.Apply(kind, program, random),
            _ => LineEdit.Apply(kind, program, 12, random),
        };
    }

    private static string[] Protected(SourceFile file, params TokenKind[] kinds) =>
        [.. file.Tokens.Where(t => kinds.Contains(t.Kind)).Select(file.TextOf)];

    [Fact]
    public void Apply_OnEveryLanguage_NeverTouchesCommentsOrStringsAndKeepsBracketsAndRegions()
    {
        var changes = 0;
        Check.Sample(Gen.ULong, seed =>
        {
            foreach (var (path, text) in Snippets.All)
            {
                var program = new ProgramView(Fixtures.Program(text, path));
                var parent = program.Files[0];
                foreach (var kind in SingleParentKinds)
                {
                    if (Apply(kind, program, new SearchRandom(seed)) is not { } mutation)
                        continue;
                    changes++;
                    var child = SourceFile.Parse(path, mutation.Changed[path]);
                    Assert.Equal(Protected(parent, TokenKind.Comment, TokenKind.Directive), Protected(child, TokenKind.Comment, TokenKind.Directive));
                    if (kind is MutationKind.Literal or MutationKind.Cma or MutationKind.OperatorSwap or MutationKind.BooleanFlip)
                        Assert.Equal(Protected(parent, TokenKind.String), Protected(child, TokenKind.String));
                    else
                        Assert.Subset(Protected(parent, TokenKind.String).ToHashSet(), Protected(child, TokenKind.String).ToHashSet());
                    Assert.DoesNotContain(SyntaxCheck.Errors(child), e => e.Contains("unbalanced", StringComparison.Ordinal) || e.Contains("never closed", StringComparison.Ordinal));
                    Assert.Null(EvolveRegions.Parse(text).CheckChange(child.Text));
                }
            }
        }, iter: 150);
        Assert.True(changes > 1000, $"only {changes} mutations were made");
    }

    [Fact]
    public void Apply_OnEveryLanguage_EachOperatorFindsSomethingToChange()
    {
        foreach (var (path, text) in Snippets.All)
        {
            var program = new ProgramView(Fixtures.Program(text, path));
            foreach (var kind in SingleParentKinds)
            {
                var made = Enumerable.Range(0, 50).Any(s => Apply(kind, program, new SearchRandom((ulong)s)) is not null);
                Assert.True(made, $"{kind} made nothing on {path}");
            }
        }
    }

    [Fact]
    public void Apply_OnCSharp_MostChildrenStillParse()
    {
        var program = new ProgramView(Fixtures.Program(Snippets.CSharp, "tune.cs"));
        var valid = 0;
        var made = 0;
        for (ulong seed = 0; seed < 200; seed++)
        {
            foreach (var kind in SingleParentKinds)
            {
                if (Apply(kind, program, new SearchRandom(seed)) is not { } mutation)
                    continue;
                made++;
                if (CandidateCheck.Check(program, mutation).Child is not null)
                    valid++;
            }
        }
        Assert.True(valid > made * 0.8, $"{valid} of {made} children parse");
    }
}
