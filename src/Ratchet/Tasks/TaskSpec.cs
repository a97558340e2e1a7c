namespace Ratchet.Tasks;

/// <summary>A validated <c>ratchet.toml</c>: everything Ratchet knows about a task, with defaults applied.</summary>
public sealed record TaskSpec
{
    /// <summary>The task's name (<c>name</c>).</summary>
    public required string Name { get; init; }

    /// <summary>Absolute path of the task folder (the folder holding <c>ratchet.toml</c>).</summary>
    public required string Root { get; init; }

    /// <summary>The files a proposer may change (<c>[program] files</c>).</summary>
    public required ProgramSpec Program { get; init; }

    /// <summary>The untrusted run phase (<c>[run]</c>); null in single-command mode.</summary>
    public PhaseSpec? Run { get; init; }

    /// <summary>The trusted score phase (<c>[score]</c>); null in single-command mode.</summary>
    public PhaseSpec? Score { get; init; }

    /// <summary>The single-command mode (<c>[evaluate]</c>): candidate and scorer in one sandbox; weaker isolation.</summary>
    public PhaseSpec? Evaluate { get; init; }

    /// <summary>The sealed holdout (<c>[holdout]</c>), if the task has one.</summary>
    public HoldoutSpec? Holdout { get; init; }

    /// <summary>The metric to optimise and how to compare (<c>[objective]</c>).</summary>
    public required ObjectiveSpec Objective { get; init; }

    /// <summary>The run's compute budget (<c>[budget]</c>).</summary>
    public BudgetSpec Budget { get; init; } = new();

    /// <summary>Per-sandbox limits (<c>[limits]</c>).</summary>
    public LimitsSpec Limits { get; init; } = new();

    /// <summary>Trusted checks every promotion must pass (<c>[[invariants]]</c>); empty when none.</summary>
    public IReadOnlyList<InvariantSpec> Invariants { get; init; } = [];

    /// <summary>How program files become what the run executes (<c>[build]</c>); null: run them as they are.</summary>
    public BuildSpec? Build { get; init; }

    /// <summary>True when the task uses <c>[evaluate]</c>: the candidate and the scorer share one sandbox.</summary>
    public bool WeakerIsolation => Evaluate is not null;

    /// <summary>Absolute path of a file given relative to the task folder.</summary>
    public string PathOf(string relative) => System.IO.Path.GetFullPath(System.IO.Path.Combine(Root, relative));
}

/// <summary><c>[program]</c>: the files a proposer may change.</summary>
public sealed record ProgramSpec(IReadOnlyList<string> Files);

/// <summary>A sandboxed command with the task files it sees (<c>[run]</c>, <c>[score]</c>, <c>[evaluate]</c>).</summary>
/// <param name="Command">argv; the first element is looked up on the sandbox's PATH.</param>
/// <param name="Inputs">Task-relative files staged read-only at the same relative path in the working folder.</param>
/// <param name="Env">Names of host environment variables passed through (an allow-list; default none).</param>
public sealed record PhaseSpec(IReadOnlyList<string> Command, IReadOnlyList<string> Inputs, IReadOnlyList<string> Env);

/// <summary>One <c>[[invariants]]</c> entry: a trusted command, sandboxed like the scorer, that sees the run's results
/// (<c>$RATCHET_RUN_OUT</c>) and must exit 0 for any promotion; its output is the reason when it does not.</summary>
/// <param name="Name">Short name shown in reasons.</param>
/// <param name="Command">argv.</param>
/// <param name="Inputs">Task-relative files staged in its working folder.</param>
public sealed record InvariantSpec(string Name, IReadOnlyList<string> Command, IReadOnlyList<string> Inputs);

/// <summary><c>[build]</c>: compile the program files before running (outside the sandbox, no candidate code runs).</summary>
/// <param name="Kind">"csharp": Roslyn against cached references.</param>
/// <param name="Output">Name of the built assembly staged in the run's working folder (default "program.dll").</param>
public sealed record BuildSpec(string Kind, string Output = "program.dll");

/// <summary><c>[holdout]</c>: the same commands with sealed files swapped in at the visible paths.</summary>
/// <param name="Inputs">Run-visible path to sealed source file (task-relative).</param>
/// <param name="ScoreInputs">Score-visible path to sealed source file (task-relative).</param>
public sealed record HoldoutSpec(IReadOnlyDictionary<string, string> Inputs, IReadOnlyDictionary<string, string> ScoreInputs);

/// <summary>Whether a larger objective is better.</summary>
public enum Direction
{
    Minimize,
    Maximize,
}

/// <summary><c>[objective]</c>: the metric and the rule that turns two measurements into "better".</summary>
/// <param name="Metric">Key of the objective in the scorer's JSON.</param>
/// <param name="Direction">minimize or maximize.</param>
/// <param name="Repeats">Times each candidate is measured (default 1).</param>
/// <param name="Alpha">Run-wide false-promotion rate allowed when repeats disagree (default 0.05).</param>
/// <param name="MinGain">Smallest improvement that counts, in metric units (default 0).</param>
/// <param name="Deterministic">The task declares that a candidate's results depend only on its inputs and seed
/// (<c>deterministic = true</c>); the stateful-behaviour auditor then re-runs would-be champions and compares.</param>
public sealed record ObjectiveSpec(string Metric, Direction Direction, int Repeats = 1, double Alpha = 0.05, double MinGain = 0, bool Deterministic = false)
{
    /// <summary>True when <paramref name="candidate"/> is strictly better than <paramref name="incumbent"/> by more than <see cref="MinGain"/>.</summary>
    public bool Improves(double candidate, double incumbent) => Direction == Direction.Maximize
        ? candidate - incumbent > MinGain
        : incumbent - candidate > MinGain;

    /// <summary>Gain of <paramref name="candidate"/> over <paramref name="incumbent"/>, positive when better.</summary>
    public double Gain(double candidate, double incumbent) =>
        Direction == Direction.Maximize ? candidate - incumbent : incumbent - candidate;
}

/// <summary><c>[budget]</c>: when the run stops. Null means no cap from the task.</summary>
public sealed record BudgetSpec(int? Evaluations = null, double? CpuSeconds = null, double? WallSeconds = null);

/// <summary><c>[limits]</c>: what one sandboxed process tree may use.</summary>
/// <param name="WallSeconds">Wall-clock limit per sandbox (default 10).</param>
/// <param name="CpuSeconds">CPU seconds per sandbox, all processes together (default 10).</param>
/// <param name="MemoryMb">Memory of all processes together, enforced by the cgroup (default 512).</param>
/// <param name="Processes">Processes and threads alive at once (default 64).</param>
/// <param name="OutputBytes">Cap on stdout+stderr and on the results folder (default 1 MiB).</param>
/// <param name="TmpMb">Size of the sandbox's private /tmp (default 64).</param>
public sealed record LimitsSpec(
    double WallSeconds = 10,
    double CpuSeconds = 10,
    int MemoryMb = 512,
    int Processes = 64,
    long OutputBytes = 1_048_576,
    int TmpMb = 64);
