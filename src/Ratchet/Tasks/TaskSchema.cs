using System.Globalization;

namespace Ratchet.Tasks;

/// <summary>The kind of value a <c>ratchet.toml</c> key holds.</summary>
internal enum ValueKind
{
    Text,
    TextList,
    PathList,
    PathMap,
    Integer,
    Number,
    Boolean,
}

/// <summary>One key of <c>ratchet.toml</c>: its type, bounds and an example, the single source for checks, messages and docs.</summary>
internal sealed record KeyRule(string Name, ValueKind Kind, string Example, bool Required = false)
{
    public double Min { get; init; }
    public double Max { get; init; }
    public bool MinExclusive { get; init; }
    public bool MaxExclusive { get; init; }
    public bool NonEmpty { get; init; }
    /// <summary>Replaces the generated description (for strings with a shape).</summary>
    public string? Description { get; init; }

    /// <summary>What the key must hold, e.g. "a whole number from 16 to 1048576".</summary>
    public string Expected => Description ?? Kind switch
    {
        ValueKind.Text => "a string",
        ValueKind.TextList => NonEmpty ? "a non-empty array of strings" : "an array of strings",
        ValueKind.PathList => NonEmpty ? "a non-empty array of file paths" : "an array of file paths",
        ValueKind.PathMap => "a table of \"visible path\" = \"sealed source path\"",
        ValueKind.Integer => $"a whole number from {F(Min)} to {F(Max)}",
        ValueKind.Boolean => "true or false",
        _ => Range(),
    };

    public bool InRange(double value) =>
        (MinExclusive ? value > Min : value >= Min) && (MaxExclusive ? value < Max : value <= Max);

    private string Range()
    {
        if (double.IsPositiveInfinity(Max))
            return $"a number {(MinExclusive ? "greater than" : "of at least")} {F(Min)}";
        if (MinExclusive && MaxExclusive)
            return $"a number between {F(Min)} and {F(Max)} (both excluded)";
        return $"a number {(MinExclusive ? "greater than" : "of at least")} {F(Min)} and at most {F(Max)}";
    }

    private static string F(double d) => d.ToString(CultureInfo.InvariantCulture);
}

/// <summary>One table of <c>ratchet.toml</c> (the top level has an empty name).</summary>
internal sealed record SectionRule(string Name, string Example, params KeyRule[] Keys)
{
    public KeyRule this[string key] => Keys.First(k => k.Name == key);

    /// <summary>"[run]" for a table, "the top level" for the root.</summary>
    public string Title => Name.Length == 0 ? "the top level" : $"[{Name}]";
}

/// <summary>The public contract of <c>ratchet.toml</c>: every table and key, in the order the docs show them.</summary>
internal static class TaskSchema
{
    public static readonly SectionRule Root = new("", "name = \"poly-fit\"",
        new KeyRule("name", ValueKind.Text, "name = \"poly-fit\"", Required: true)
        {
            Description = "a task name of letters, digits, '.', '_' or '-' (at most 64, starting with a letter or digit)",
        });

    public static readonly SectionRule Program = new("program", "[program] with files = [\"program.py\"]",
        new KeyRule("files", ValueKind.PathList, "files = [\"program.py\"]", Required: true) { NonEmpty = true });

    public static readonly SectionRule Run = Phase("run", "command = [\"python3\", \"program.py\"]", "inputs = [\"data/x.json\"]");

    public static readonly SectionRule Score = Phase("score", "command = [\"python3\", \"score.py\"]", "inputs = [\"score.py\", \"data/y.json\"]");

    public static readonly SectionRule Evaluate = Phase("evaluate", "command = [\"python3\", \"evaluate.py\"]", "inputs = [\"evaluate.py\"]");

    public static readonly SectionRule Holdout = new("holdout", "[holdout] with inputs = { \"data/x.json\" = \"sealed/x.json\" }",
        new KeyRule("inputs", ValueKind.PathMap, "inputs = { \"data/x.json\" = \"sealed/x.json\" }"),
        new KeyRule("score_inputs", ValueKind.PathMap, "score_inputs = { \"data/y.json\" = \"sealed/y.json\" }"));

    public static readonly SectionRule Objective = new("objective", "[objective] with metric = \"mse\" and direction = \"minimize\"",
        new KeyRule("metric", ValueKind.Text, "metric = \"mse\"", Required: true)
        {
            Description = "the name of a number in the scorer's JSON (a non-empty string)",
        },
        new KeyRule("direction", ValueKind.Text, "direction = \"minimize\"", Required: true)
        {
            Description = "\"minimize\" or \"maximize\"",
        },
        new KeyRule("repeats", ValueKind.Integer, "repeats = 3") { Min = 1, Max = 100 },
        new KeyRule("alpha", ValueKind.Number, "alpha = 0.05") { Min = 0, Max = 1, MinExclusive = true, MaxExclusive = true },
        new KeyRule("min_gain", ValueKind.Number, "min_gain = 0.001") { Min = 0, Max = double.PositiveInfinity },
        new KeyRule("deterministic", ValueKind.Boolean, "deterministic = true"));

    public static readonly SectionRule Build = new("build", "[build] with kind = \"csharp\"",
        new KeyRule("kind", ValueKind.Text, "kind = \"csharp\"", Required: true) { Description = "\"csharp\" (Roslyn, against cached references)" },
        new KeyRule("output", ValueKind.Text, "output = \"program.dll\"") { Description = "a file name ending in .dll, e.g. program.dll" });

    /// <summary>One entry of the <c>[[invariants]]</c> array of tables.</summary>
    public static readonly SectionRule Invariant = new("invariants", "[[invariants]] with name = \"no-negative\" and command = [\"python3\", \"check.py\"]",
        new KeyRule("name", ValueKind.Text, "name = \"no-negative\"", Required: true) { Description = "a short name of letters, digits, '.', '_' or '-'" },
        new KeyRule("command", ValueKind.TextList, "command = [\"python3\", \"check.py\"]", Required: true) { NonEmpty = true },
        new KeyRule("inputs", ValueKind.PathList, "inputs = [\"check.py\"]"));

    public static readonly SectionRule Budget = new("budget", "[budget] with evaluations = 300",
        new KeyRule("evaluations", ValueKind.Integer, "evaluations = 300") { Min = 1, Max = 10_000_000 },
        new KeyRule("cpu_seconds", ValueKind.Number, "cpu_seconds = 3600") { Min = 0, Max = 31_536_000, MinExclusive = true },
        new KeyRule("wall_seconds", ValueKind.Number, "wall_seconds = 7200") { Min = 0, Max = 31_536_000, MinExclusive = true });

    public static readonly SectionRule Limits = new("limits", "[limits] with wall_seconds = 10",
        new KeyRule("wall_seconds", ValueKind.Number, "wall_seconds = 10") { Min = 0, Max = 86_400, MinExclusive = true },
        new KeyRule("cpu_seconds", ValueKind.Number, "cpu_seconds = 10") { Min = 0, Max = 86_400, MinExclusive = true },
        new KeyRule("memory_mb", ValueKind.Integer, "memory_mb = 512") { Min = 16, Max = 1_048_576 },
        new KeyRule("processes", ValueKind.Integer, "processes = 64") { Min = 1, Max = 4096 },
        new KeyRule("output_bytes", ValueKind.Integer, "output_bytes = 1048576") { Min = 1024, Max = 1_073_741_824 },
        new KeyRule("tmp_mb", ValueKind.Integer, "tmp_mb = 64") { Min = 1, Max = 65_536 });

    /// <summary>The tables, in document order.</summary>
    public static readonly IReadOnlyList<SectionRule> Sections = [Program, Run, Score, Evaluate, Holdout, Objective, Budget, Limits, Build, Invariant];

    private static SectionRule Phase(string name, string command, string inputs) => new(name, $"[{name}] with {command}",
        new KeyRule("command", ValueKind.TextList, command, Required: true) { NonEmpty = true },
        new KeyRule("inputs", ValueKind.PathList, inputs),
        new KeyRule("env", ValueKind.TextList, "env = [\"OMP_NUM_THREADS\"]")
        {
            Description = "an array of environment variable names",
        });
}
