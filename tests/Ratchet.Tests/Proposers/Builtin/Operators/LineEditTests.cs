using Ratchet.Proposers.Builtin;
using Ratchet.Proposers.Builtin.Operators;
using Ratchet.Search;

namespace Ratchet.Tests.Proposers.Builtin.Operators;

public sealed class LineEditTests
{
    private const string Text = "a = 1\nb = 2\nc = 3\n";

    private static string[] Children(MutationKind kind, string text = Text) =>
        [.. Enumerable.Range(0, 100)
            .Select(s => LineEdit.Apply(kind, new ProgramView(Fixtures.Program(text)), 12, new SearchRandom((ulong)s)))
            .OfType<Mutation>().Select(m => m.Changed["main.py"]).Distinct()];

    [Fact]
    public void Delete_RemovesExactlyOneLine() =>
        Assert.Equal(["a = 1\nb = 2\n", "a = 1\nc = 3\n", "b = 2\nc = 3\n"], Children(MutationKind.LineDelete).Order());

    [Fact]
    public void Duplicate_RepeatsOneLine() =>
        Assert.Contains("a = 1\nb = 2\nb = 2\nc = 3\n", Children(MutationKind.LineDuplicate));

    [Fact]
    public void Swap_ExchangesTwoLines() =>
        Assert.Contains("c = 3\nb = 2\na = 1\n", Children(MutationKind.LineSwap));

    [Fact]
    public void Move_KeepsTheSameLinesInAnotherOrder()
    {
        foreach (var child in Children(MutationKind.LineMove))
            Assert.Equal(Text.Split('\n').Order(), child.Split('\n').Order());
    }

    [Fact]
    public void Swap_OnlyPairsLinesOfTheSameIndent()
    {
        const string text = "def f():\n    x = 1\n    y = 2\nz = 3\n";
        Assert.Equal(["def f():\n    y = 2\n    x = 1\nz = 3\n"], Children(MutationKind.LineSwap, text));
    }

    [Fact]
    public void Swap_RespectsTheWindow()
    {
        var text = string.Concat(Enumerable.Range(0, 30).Select(i => $"v{i} = {i}\n"));
        var program = new ProgramView(Fixtures.Program(text));
        for (ulong seed = 0; seed < 50; seed++)
        {
            var mutation = LineEdit.Apply(MutationKind.LineSwap, program, 2, new SearchRandom(seed))!;
            Assert.True(Math.Abs(int.Parse(mutation.Meta["line"]) - int.Parse(mutation.Meta["other"])) <= 2);
        }
    }
}
