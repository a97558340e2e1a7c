using Ratchet.Proposers.Builtin;
using Ratchet.Proposers.Builtin.Checks;
using Ratchet.Proposers.Builtin.Operators;

namespace Ratchet.Tests.Proposers.Builtin.Checks;

public sealed class CandidateCheckTests
{
    private const string Marked = "keep = 1\n# EVOLVE-BLOCK-START\nx = 2\n# EVOLVE-BLOCK-END\n";

    private static Mutation Change(string text) => Mutation.Single(MutationKind.Literal, "main.py", text, "test");

    [Fact]
    public void Check_WhenEditOutsideEvolveBlock_Rejects()
    {
        var parent = new ProgramView(Fixtures.Program(Marked));
        var (child, problem) = CandidateCheck.Check(parent, Change(Marked.Replace("keep = 1", "keep = 5")));
        Assert.Null(child);
        Assert.Contains("outside the evolve blocks", problem);
    }

    [Fact]
    public void Check_WhenEditInsideEvolveBlock_GivesChild()
    {
        var parent = new ProgramView(Fixtures.Program(Marked));
        var (child, problem) = CandidateCheck.Check(parent, Change(Marked.Replace("x = 2", "x = 3")));
        Assert.Null(problem);
        Assert.Contains("x = 3", child!.Files["main.py"]);
    }

    [Fact]
    public void Check_WhenNothingChanges_Rejects() =>
        Assert.Equal("no change", CandidateCheck.Check(new ProgramView(Fixtures.Program(Marked)), Change(Marked)).Problem);

    [Fact]
    public void Check_WhenChildBreaksIndentation_Rejects()
    {
        var text = "def f():\n    x = 1\n    return x\n";
        var parent = new ProgramView(Fixtures.Program(text));
        Assert.NotNull(CandidateCheck.Check(parent, Change("def f():\n    x = 1\n  return x\n")).Problem);
    }

    [Fact]
    public void Check_WhenFileIsNotAProgramFile_Rejects()
    {
        var parent = new ProgramView(Fixtures.Program(Marked));
        var mutation = Mutation.Single(MutationKind.Literal, "score.py", "x", "test");
        Assert.Contains("not a program file", CandidateCheck.Check(parent, mutation).Problem);
    }
}
