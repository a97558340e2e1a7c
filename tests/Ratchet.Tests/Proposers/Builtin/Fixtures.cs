using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Ratchet.Evaluation;
using Ratchet.Proposers;
using Ratchet.Proposers.Builtin.Simulation;
using Ratchet.Tasks;

namespace Ratchet.Tests.Proposers.Builtin;

/// <summary>Tasks, programs and objectives shared by the search tests.</summary>
internal static partial class Fixtures
{
    public static TaskSpec Task(string file = "main.py", Direction direction = Direction.Minimize) => new()
    {
        Name = "test",
        Root = "/nonexistent/task",
        Program = new ProgramSpec([file]),
        Objective = new ObjectiveSpec("score", direction),
    };

    public static ProgramSnapshot Program(string text, string file = "main.py") => new([KeyValuePair.Create(file, text)]);

    /// <summary>A Python-like program holding <paramref name="values"/> as float literals in an evolve block.</summary>
    public static string VectorProgram(IEnumerable<double> values)
    {
        var text = new StringBuilder("import math\n\n# EVOLVE-BLOCK-START\nx = [\n");
        foreach (var v in values)
            text.Append(CultureInfo.InvariantCulture, $"    {v:0.0###},\n");
        text.Append("]\n# EVOLVE-BLOCK-END\n\nprint(sum(v * v for v in x))\n");
        return text.ToString();
    }

    /// <summary>The float literals of a program's evolve blocks, read independently of the search's tokenizer.</summary>
    public static double[] Numbers(ProgramSnapshot program)
    {
        var regions = EvolveRegions.Parse(program.Files.Values.Single());
        return [.. regions.Inside.SelectMany(r => NumberPattern().Matches(r))
            .Select(m => double.Parse(m.Value.Replace(" ", ""), CultureInfo.InvariantCulture))];
    }

    /// <summary>Sum of squares of the program's ten numbers (minimise); a crash when it does not hold exactly ten.</summary>
    public static SimulatedScore? SumOfSquares(ProgramSnapshot program) =>
        Numbers(program) is { Length: 10 } numbers ? new(numbers.Sum(v => v * v)) : null;

    public static Decision Decision(long index, ProgramSnapshot program, string? parentId, string op, double? score, bool promoted = false) =>
        new(index, new CandidateView(program.Id, program, score, null), parentId, op, score is null ? Outcome.Crashed : Outcome.Ok, promoted, score);

    public static ProposalContext Context(long index, ulong seed, ProgramSnapshot champion, TaskSpec task, Func<string, bool>? isKnown = null) =>
        new(index, seed, new CandidateView(champion.Id, champion, null, null), task, isKnown ?? (_ => false));

    [GeneratedRegex(@"-?\s*\d+\.\d*(e[-+]?\d+)?", RegexOptions.IgnoreCase)]
    private static partial Regex NumberPattern();
}
