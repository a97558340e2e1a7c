using System.Text.RegularExpressions;
using Ratchet.Tasks.Toml;

namespace Ratchet.Tasks;

internal sealed partial class TaskReader
{
    private static readonly string[] SandboxVariables = ["PATH", "HOME"];

    /// <summary>Reads every table; the result's null fields are the ones with recorded errors.</summary>
    public RawTask Read(TomlTableNode root)
    {
        CheckRootKeys(root);
        var raw = new RawTask { Name = Text(root, TaskSchema.Root, "name", IsTaskName) };

        var program = Section(root, TaskSchema.Program);
        if (program is null && root.Find("program") is null)
            MissingTable(TaskSchema.Program);
        raw.ProgramFiles = TextList(program, TaskSchema.Program, "files");

        raw.Run = Phase(root, TaskSchema.Run);
        raw.Score = Phase(root, TaskSchema.Score);
        raw.Evaluate = Phase(root, TaskSchema.Evaluate);
        CheckMode(root);
        raw.EvaluateMode = root.Find("evaluate") is not null && root.Find("run") is null && root.Find("score") is null;

        var holdout = Section(root, TaskSchema.Holdout);
        if (holdout is not null)
        {
            raw.Holdout = new RawHoldout(
                PathMap(holdout, TaskSchema.Holdout, "inputs"),
                PathMap(holdout, TaskSchema.Holdout, "score_inputs"));
            if (holdout.Entries.Count == 0)
                Error(holdout.Pos, $"[holdout] names no sealed files; add e.g. {TaskSchema.Holdout["inputs"].Example}, or remove [holdout]");
            if (holdout.Find("score_inputs") is { } scoreInputs && raw.EvaluateMode)
                Error(scoreInputs.KeyPos, "'score_inputs' in [holdout] needs a [score] table; in [evaluate] mode put every sealed file in [holdout] inputs");
        }

        raw.Objective = Objective(root);
        raw.Budget = Budget(root);
        raw.Limits = Limits(root);
        raw.Build = Build(root);
        raw.Invariants = Invariants(root);
        return raw;
    }

    private BuildSpec? Build(TomlTableNode root)
    {
        var section = TaskSchema.Build;
        var table = Section(root, section);
        if (table is null)
            return null;
        var kind = Text(table, section, "kind", k => k == "csharp");
        var output = Text(table, section, "output", o => Regex.IsMatch(o, "^[A-Za-z0-9_.-]{1,64}\\.dll$"));
        return kind is null ? null : new BuildSpec(kind, output ?? "program.dll");
    }

    /// <summary>The <c>[[invariants]]</c> array of tables: each entry checked like a table of its own.</summary>
    private List<RawInvariant> Invariants(TomlTableNode root)
    {
        var section = TaskSchema.Invariant;
        var entry = root.Find(section.Name);
        if (entry is null)
            return [];
        if (entry.Value is not TomlList list || list.Items.Any(i => i is not TomlTableNode { Style: TableStyle.ArrayElement }))
        {
            Error(entry.Value.Pos, $"'invariants' must be an array of tables written [[invariants]], e.g. {section.Example}; found {entry.Value.Describe()}");
            return [];
        }
        var result = new List<RawInvariant>();
        var names = new List<Located<string>>();
        foreach (var table in list.Items.Cast<TomlTableNode>())
        {
            CheckKeys(table, section);
            var name = Text(table, section, "name", n => Regex.IsMatch(n, "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"));
            if (name is not null)
                names.Add(new Located<string>(name, table.Find("name")!.Value.Pos));
            var command = TextList(table, section, "command");
            var inputs = TextList(table, section, "inputs") ?? (table.Find("inputs") is null ? [] : null);
            result.Add(new RawInvariant(name, command?.Select(c => c.Value).ToArray(), inputs));
        }
        NoDuplicates(errors, names, "[[invariants]] names");
        return result;
    }

    private RawPhase? Phase(TomlTableNode root, SectionRule section)
    {
        var table = Section(root, section);
        if (table is null)
            return null;
        var command = TextList(table, section, "command");
        var env = TextList(table, section, "env");
        var ok = true;
        foreach (var (name, pos) in env ?? [])
        {
            if (!Regex.IsMatch(name, "^[A-Za-z_][A-Za-z0-9_]*$"))
            {
                Error(pos, $"'{name}' in [{section.Name}] env is not an environment variable name; use letters, digits and '_', e.g. env = [\"OMP_NUM_THREADS\"]");
                ok = false;
            }
            else if (SandboxVariables.Contains(name) || name.StartsWith("RATCHET_", StringComparison.Ordinal))
            {
                Error(pos, $"'{name}' in [{section.Name}] env is set by the sandbox itself and cannot be passed in from the host; remove it");
                ok = false;
            }
        }
        ok &= NoDuplicates(errors, env, $"[{section.Name}] env");
        return new RawPhase(
            command?.Select(c => c.Value).ToArray(),
            TextList(table, section, "inputs") ?? (table.Find("inputs") is null ? [] : null),
            ok ? env?.Select(e => e.Value).Distinct().ToArray() ?? [] : null);
    }

    private void CheckMode(TomlTableNode root)
    {
        bool Present(string name) => root.Find(name) is not null;
        if (Present("evaluate"))
        {
            if (Present("run") || Present("score"))
            {
                Error(root.Find("evaluate")!.Value.Pos,
                    "[evaluate] cannot be combined with [run] or [score]; use [run] and [score] (the candidate and the trusted scorer in separate sandboxes) or [evaluate] alone (one sandbox, weaker isolation)");
            }
            return;
        }
        if (!Present("run") && !Present("score"))
        {
            Error(null, $"missing required tables [run] and [score]; add e.g. {TaskSchema.Run.Example} and {TaskSchema.Score.Example} (or a single [evaluate] table, with weaker isolation)");
        }
        else if (!Present("score"))
        {
            Error(null, $"missing required table [score]: [run] needs a trusted scorer to judge its output; add e.g. {TaskSchema.Score.Example}");
        }
        else if (!Present("run"))
        {
            Error(null, $"missing required table [run]: [score] judges the output of a run; add e.g. {TaskSchema.Run.Example}");
        }
    }

    private ObjectiveSpec? Objective(TomlTableNode root)
    {
        var section = TaskSchema.Objective;
        var table = Section(root, section);
        if (table is null)
        {
            if (root.Find(section.Name) is null)
                MissingTable(section);
            return null;
        }
        var metric = Text(table, section, "metric", m => m.Length > 0 && m.Trim() == m);
        var direction = Text(table, section, "direction", d => d is "minimize" or "maximize");
        var repeats = Integer(table, section, "repeats");
        var alpha = Number(table, section, "alpha");
        var minGain = Number(table, section, "min_gain");
        var deterministic = Boolean(table, section, "deterministic");
        if (metric is null || direction is null || Failed(table, "repeats", repeats) || Failed(table, "alpha", alpha) || Failed(table, "min_gain", minGain)
            || Failed(table, "deterministic", deterministic))
            return null;
        var defaults = new ObjectiveSpec(metric, Direction.Minimize);
        return new ObjectiveSpec(
            metric,
            direction == "maximize" ? Direction.Maximize : Direction.Minimize,
            (int)(repeats ?? defaults.Repeats),
            alpha ?? defaults.Alpha,
            minGain ?? defaults.MinGain,
            deterministic ?? false);
    }

    private BudgetSpec Budget(TomlTableNode root)
    {
        var section = TaskSchema.Budget;
        var table = Section(root, section);
        return new BudgetSpec(
            (int?)Integer(table, section, "evaluations"),
            Number(table, section, "cpu_seconds"),
            Number(table, section, "wall_seconds"));
    }

    private LimitsSpec Limits(TomlTableNode root)
    {
        var section = TaskSchema.Limits;
        var table = Section(root, section);
        var d = new LimitsSpec();
        return new LimitsSpec(
            Number(table, section, "wall_seconds") ?? d.WallSeconds,
            Number(table, section, "cpu_seconds") ?? d.CpuSeconds,
            (int?)Integer(table, section, "memory_mb") ?? d.MemoryMb,
            (int?)Integer(table, section, "processes") ?? d.Processes,
            Integer(table, section, "output_bytes") ?? d.OutputBytes,
            (int?)Integer(table, section, "tmp_mb") ?? d.TmpMb);
    }

    /// <summary>Records "appears twice" for repeated entries; true when there were none.</summary>
    internal static bool NoDuplicates(List<TaskError> errors, IEnumerable<Located<string>>? items, string title)
    {
        var seen = new Dictionary<string, TextPos>(StringComparer.Ordinal);
        var ok = true;
        foreach (var (value, pos) in items ?? [])
        {
            if (seen.TryGetValue(value, out var first))
            {
                errors.Add(new TaskError(File, pos.Line, pos.Column, $"'{value}' appears twice in {title} (first at line {first.Line}); list it once"));
                ok = false;
            }
            else
            {
                seen[value] = pos;
            }
        }
        return ok;
    }

    private void MissingTable(SectionRule section) =>
        Error(null, $"missing required table [{section.Name}]; add e.g. {section.Example}");

    // A key that is present but null was invalid (its error is recorded); absent keys take defaults.
    private static bool Failed(TomlTableNode table, string key, object? value) => value is null && table.Find(key) is not null;

    private static bool IsTaskName(string name) => Regex.IsMatch(name, "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$");
}
