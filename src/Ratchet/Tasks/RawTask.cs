using Ratchet.Tasks.Toml;

namespace Ratchet.Tasks;

/// <summary>What <see cref="TaskReader"/> read from <c>ratchet.toml</c>, with positions, before the file-system
/// rules run. A null field was missing or invalid (its error is already recorded).</summary>
internal sealed class RawTask
{
    public string? Name { get; set; }
    public List<Located<string>>? ProgramFiles { get; set; }
    public RawPhase? Run { get; set; }
    public RawPhase? Score { get; set; }
    public RawPhase? Evaluate { get; set; }
    public RawHoldout? Holdout { get; set; }
    public ObjectiveSpec? Objective { get; set; }
    public BudgetSpec Budget { get; set; } = new();
    public LimitsSpec Limits { get; set; } = new();
    public BuildSpec? Build { get; set; }
    public List<RawInvariant> Invariants { get; set; } = [];

    /// <summary>True when the file uses [evaluate] alone; with both modes present the [run] rules apply (and the mix is an error).</summary>
    public bool EvaluateMode { get; set; }
}

/// <summary>A <c>[run]</c>, <c>[score]</c> or <c>[evaluate]</c> table as written.</summary>
internal sealed record RawPhase(
    IReadOnlyList<string>? Command,
    IReadOnlyList<Located<string>>? Inputs,
    IReadOnlyList<string>? Env);

/// <summary>A <c>[holdout]</c> table as written: visible path to sealed source, each with its position.</summary>
internal sealed record RawHoldout(
    IReadOnlyList<(Located<string> Visible, Located<string> Source)>? Inputs,
    IReadOnlyList<(Located<string> Visible, Located<string> Source)>? ScoreInputs);

/// <summary>One <c>[[invariants]]</c> entry as written.</summary>
internal sealed record RawInvariant(string? Name, IReadOnlyList<string>? Command, IReadOnlyList<Located<string>>? Inputs);
