using Ratchet.Search;

namespace Ratchet.Proposers.Builtin.Genome;

/// <summary>The genome's keys in canonical order, with their bounds; and the rules that tie keys together.</summary>
internal static partial class GenomeSchema
{
    public const int MaxFeatures = 4;
    public const long MaxCells = 100_000;
    public const string FeaturesPath = "archive.features";

    public static IReadOnlyList<string> Tables { get; } =
        ["", "operators", "literal", "cma", "lines", "crossover", "bandit", "selection", "archive", "migration"];

    public static IReadOnlyList<GenomeKey> Keys { get; } = BuildKeys();

    /// <summary>A comment for each table of the documented TOML.</summary>
    public static IReadOnlyDictionary<string, string> TableDocs { get; } = new Dictionary<string, string>
    {
        ["operators"] = "Prior weights of the operators. The bandit's prior mean reward of an operator is\n" +
            "0.5 * weight / (largest weight), worth bandit.prior_strength observations; evidence soon outweighs it.",
        ["literal"] = "One literal (or every literal on its line) moved by its own step, adapted by the 1/5th success rule.",
        ["cma"] = "All number literals moved together (integers rounded): a (1+1)-CMA-ES around the parent's literal vector.",
        ["lines"] = "Delete, duplicate, swap and move whole lines inside evolve blocks.",
        ["crossover"] = "Mix the evolve blocks of two elites.",
        ["bandit"] = "Discounted Thompson sampling over operators: reward 1 for beating the parent, up to reward_ok for another ok candidate.",
        ["selection"] = "Parents: tournament on the proposal's island (exploit), few-children elites (explore), any elite (random).",
        ["archive"] = "MAP-Elites grid on islands; proposal k draws from island k mod islands, and its child joins that island.",
        ["migration"] = "Every interval decisions, each island's best elites are copied to the next (ring) or a random island.",
    };

    public static IReadOnlyList<string> FeatureKeys { get; } = ["kind", "metric", "min", "max", "bins"];

    public static GenomeKey? Find(string path) => Keys.FirstOrDefault(k => k.Path == path);

    /// <summary>All broken rules; <paramref name="lines"/> maps dotted keys to their source lines when known.</summary>
    public static IReadOnlyList<GenomeError> Validate(ImproverGenome genome, IReadOnlyDictionary<string, int>? lines)
    {
        var errors = new List<GenomeError>();
        int? LineOf(string path) => lines is not null && lines.TryGetValue(path, out var l) ? l : null;
        foreach (var key in Keys)
        {
            if (key.CheckRange(key.Get(genome)) is { } problem)
                errors.Add(new GenomeError(LineOf(key.Path), key.Path, problem));
        }
        if (genome.Literal.MinStep >= genome.Literal.MaxStep)
            errors.Add(new(LineOf("literal.min_step"), "literal.min_step", $"must be below literal.max_step ({GenomeTomlWriter.Number(genome.Literal.MaxStep)})"));
        if (genome.Cma.MinDimensions > genome.Cma.MaxDimensions)
            errors.Add(new(LineOf("cma.min_dimensions"), "cma.min_dimensions", $"must not exceed cma.max_dimensions ({genome.Cma.MaxDimensions})"));
        if (genome.Operators.InOrder().All(w => !(w > 0)))
            errors.Add(new(LineOf("operators"), "operators", "every operator weight is 0; give at least one a positive weight (e.g. literal = 1.0)"));
        var s = genome.Selection;
        if (!(s.Exploit > 0 || s.Explore > 0 || s.Random > 0))
            errors.Add(new(LineOf("selection"), "selection", "exploit, explore and random are all 0; give at least one a positive weight (e.g. exploit = 1.0)"));
        ValidateFeatures(genome.Archive.Features, errors, lines);
        return errors;
    }

    private static void ValidateFeatures(IReadOnlyList<FeatureDimension> features, List<GenomeError> errors, IReadOnlyDictionary<string, int>? lines)
    {
        if (features.Count is < 1 or > MaxFeatures)
            errors.Add(new(null, FeaturesPath, $"{features.Count} feature dimensions given; expected 1 to {MaxFeatures} [[archive.features]] tables"));
        for (var i = 0; i < features.Count; i++)
        {
            var f = features[i];
            var path = $"{FeaturesPath}[{i}]";
            int? line = lines is not null && lines.TryGetValue(path, out var l) ? l : null;
            if (f.Kind == FeatureKind.Metric && string.IsNullOrWhiteSpace(f.Metric))
                errors.Add(new(line, path, "kind = \"metric\" needs the scorer's JSON key, e.g. metric = \"peak_memory_mb\""));
            if (f.Kind == FeatureKind.Length && f.Metric.Length > 0)
                errors.Add(new(line, path, $"kind = \"length\" takes no metric, found metric = \"{f.Metric}\"; remove it or use kind = \"metric\""));
            if (!double.IsFinite(f.Min) || !double.IsFinite(f.Max) || f.Min >= f.Max || Math.Abs(f.Min) > 1e12 || Math.Abs(f.Max) > 1e12)
                errors.Add(new(line, path, $"min ({f.Min}) must be below max ({f.Max}), both finite and within ±1e12"));
            if (f.Bins is < 1 or > 1000)
                errors.Add(new(line, path, $"bins = {f.Bins} is out of range; expected a whole number from 1 to 1000"));
        }
        var cells = features.Aggregate(1.0, (c, f) => c * Math.Max(1, f.Bins));
        if (cells > MaxCells)
            errors.Add(new(null, FeaturesPath, $"the grid has {cells} cells per island; at most {MaxCells} are allowed, use fewer bins"));
    }
}
