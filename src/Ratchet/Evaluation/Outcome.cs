namespace Ratchet.Evaluation;

/// <summary>The typed result of assessing one candidate. Each kind has one documented detector.</summary>
public enum Outcome
{
    /// <summary>The run exited 0 and the trusted scorer printed valid metrics.</summary>
    Ok,
    /// <summary>The run (or its repeat) exited non-zero or died from a signal Ratchet did not send.</summary>
    Crashed,
    /// <summary>Ratchet's own wall clock or the cgroup's CPU account passed the limit; Ratchet killed the tree.</summary>
    TimedOut,
    /// <summary>The sandbox's memory cgroup recorded an OOM kill.</summary>
    OutOfMemory,
    /// <summary>stdout/stderr passed the cap, or the results folder filled its size-capped tmpfs.</summary>
    OutputLimit,
    /// <summary>The sandbox refused something: a link, pipe, device or oversize file in the results, a seccomp kill, the process cap.</summary>
    SandboxViolation,
    /// <summary>The scorer's last stdout line was not a JSON object with a finite number for the objective.</summary>
    InvalidMetrics,
    /// <summary>A rule, an auditor, the policy or a human stopped the candidate.</summary>
    Rejected,
}

/// <summary>Wire names of <see cref="Outcome"/> (kebab-case, a public contract).</summary>
public static class OutcomeNames
{
    private static readonly string[] Names =
        ["ok", "crashed", "timed-out", "out-of-memory", "output-limit", "sandbox-violation", "invalid-metrics", "rejected"];

    /// <summary>All outcomes in declaration order.</summary>
    public static IReadOnlyList<Outcome> All { get; } = Enum.GetValues<Outcome>();

    public static string ToWire(this Outcome outcome) => Names[(int)outcome];

    public static bool TryParse(string text, out Outcome outcome)
    {
        var index = Array.IndexOf(Names, text);
        outcome = index < 0 ? default : (Outcome)index;
        return index >= 0;
    }

    public static Outcome Parse(string text) =>
        TryParse(text, out var outcome) ? outcome : throw new FormatException($"unknown outcome '{text}'");
}
