using Ratchet.Proposers.Builtin;
using Ratchet.Proposers.Builtin.Genome;
using Ratchet.Proposers.Builtin.Operators;
using Ratchet.Search;
using Ratchet.Tasks;

namespace Ratchet.Tests.Proposers.Builtin.Operators;

public sealed class CrossoverTests
{
    private static string Program(string first, string second) =>
        $"head = 0\n# EVOLVE-BLOCK-START\n{first}# EVOLVE-BLOCK-END\nmiddle = 0\n# EVOLVE-BLOCK-START\n{second}# EVOLVE-BLOCK-END\ntail = 0\n";

    [Fact]
    public void Apply_LineLevel_MixesDifferingLinesAndKeepsOutside()
    {
        var parent = new ProgramView(Fixtures.Program(Program("a = 1\nb = 1\nc = 1\n", "d = 1\n")));
        var mate = new ProgramView(Fixtures.Program(Program("a = 2\nb = 1\nc = 2\n", "d = 2\n")));
        var settings = ImproverGenome.Default.Crossover with { RegionLevel = 0 };
        var children = Enumerable.Range(0, 100)
            .Select(s => Crossover.Apply(parent, mate, settings, new SearchRandom((ulong)s)))
            .OfType<Mutation>().Select(m => m.Changed["main.py"]).Distinct().ToArray();
        Assert.Contains(Program("a = 2\nb = 1\nc = 1\n", "d = 1\n"), children);
        Assert.Contains(Program("a = 1\nb = 1\nc = 2\n", "d = 2\n"), children);
        Assert.Equal(7, children.Length);
        foreach (var child in children)
            Assert.Null(EvolveRegions.Parse(parent.Program.Files["main.py"]).CheckChange(child));
    }

    [Fact]
    public void Apply_RegionLevel_TakesWholeRegions()
    {
        var parent = new ProgramView(Fixtures.Program(Program("a = 1\nb = 1\n", "d = 1\n")));
        var mate = new ProgramView(Fixtures.Program(Program("a = 2\nb = 2\n", "d = 2\n")));
        var settings = ImproverGenome.Default.Crossover with { RegionLevel = 1 };
        var children = Enumerable.Range(0, 100)
            .Select(s => Crossover.Apply(parent, mate, settings, new SearchRandom((ulong)s)))
            .OfType<Mutation>().Select(m => m.Changed["main.py"]).Distinct().Order().ToArray();
        Assert.Equal([Program("a = 1\nb = 1\n", "d = 2\n"), Program("a = 2\nb = 2\n", "d = 1\n"), Program("a = 2\nb = 2\n", "d = 2\n")], children);
    }

    [Fact]
    public void Apply_RecordsTheMate()
    {
        var parent = new ProgramView(Fixtures.Program(Program("a = 1\n", "d = 1\n")));
        var mate = new ProgramView(Fixtures.Program(Program("a = 2\n", "d = 2\n")));
        var mutation = Enumerable.Range(0, 20).Select(s => Crossover.Apply(parent, mate, ImproverGenome.Default.Crossover, new SearchRandom((ulong)s))).OfType<Mutation>().First();
        Assert.Equal(mate.Id, mutation.Meta["mate"]);
    }

    [Fact]
    public void Apply_WhenIdentical_GivesNothing()
    {
        var parent = new ProgramView(Fixtures.Program(Program("a = 1\n", "d = 1\n")));
        Assert.Null(Crossover.Apply(parent, parent, ImproverGenome.Default.Crossover, new SearchRandom(1)));
    }
}
