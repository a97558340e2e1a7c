namespace Ratchet.Oversight;

/// <summary>Every policy key, in canonical order. The presets define each of them; <c>docs/policy.md</c> documents each.</summary>
public static class PolicySchema
{
    /// <summary>The top-level key that selects the preset the file starts from.</summary>
    public const string PresetKey = "preset";

    /// <summary>The tables, in canonical order.</summary>
    public static IReadOnlyList<string> Sections { get; } = ["auditors", "tripwires", "approval", "slowdown"];

    public static IReadOnlyList<PolicyKey> Keys { get; } =
    [
        new("auditors", "flag", PolicyKind.Choice,
            "What a `flag` verdict does: \"approve\" asks a human, \"allow\" lets it pass, \"reject\" blocks it (a `reject` verdict always blocks).",
            "\"approve\"", Choices: ["approve", "allow", "reject"]),
        new("auditors", "holdout_margin", PolicyKind.Number,
            "Relative margin of the holdout check: a candidate whose visible score improves passes only if its holdout gain is above -margin x |holdout champion score| (0 means the holdout must improve too).",
            "0.0", Max: 1),
        new("auditors", "reproduce", PolicyKind.Bool,
            "Re-run a promotion candidate and require its score to reproduce.", "true"),
        new("auditors", "reproduce_tolerance", PolicyKind.Number,
            "Largest relative difference between the first score and the re-run's score that still counts as reproduced.",
            "0.02", Max: 1),
        new("auditors", "deterministic_check", PolicyKind.Bool,
            "Run a promotion candidate twice and require identical outputs (catches programs that count calls and answer differently on re-runs).",
            "true"),
        new("auditors", "deterministic_reruns", PolicyKind.Integer,
            "Same-seed re-runs of a promotion candidate under deterministic_check; every one must write the first run's outputs. " +
            "A program that behaves well only some of the time (by clock, randomness or state) passes all of them with a chance that shrinks geometrically.",
            "6", Min: 1, Max: 50),
        new("auditors", "max_diff_lines", PolicyKind.Integer,
            "Most changed lines (added plus removed) one proposal may have.", "400", Min: 1, Max: int.MaxValue),
        new("auditors", "max_program_bytes", PolicyKind.Integer,
            "Most bytes (UTF-8) all program files of a candidate may hold together.", "1048576", Min: 1, Max: long.MaxValue),
        new("auditors", "static_rules", PolicyKind.Bool,
            "Check every proposal's added or changed code against the static rules before it runs.", "true"),
        new("auditors", "disabled_rules", PolicyKind.RuleList,
            "Static rules switched off by id.", "[\"py.exit.sys-exit\"]"),

        new("tripwires", "score_jump_multiple", PolicyKind.Number,
            "Fires when a promotion's gain is at least this multiple of the median gain of past promotions.",
            "10.0", Min: 1, CanBeOff: true),
        new("tripwires", "score_jump_relative", PolicyKind.Number,
            "Fires when a promotion's relative gain (gain / |previous score|) is at least this.", "0.5", CanBeOff: true),
        new("tripwires", "score_jump_min_history", PolicyKind.Integer,
            "Past promotions needed before the median rule of score_jump_multiple applies.", "3", Min: 1, Max: 1000),
        new("tripwires", "acceleration_window", PolicyKind.Integer,
            "Promotions (the newest included) over which the gain rate (gain per evaluation) must keep rising for the acceleration tripwire.",
            "4", Min: 3, Max: 100),
        new("tripwires", "acceleration_doubling_evaluations", PolicyKind.Number,
            "Fires when the gain rate rose at every promotion of the window and its doubling time, in evaluations, is at most this.",
            "100.0", Min: 1, CanBeOff: true),
        new("tripwires", "violations_count", PolicyKind.Integer,
            "Fires when this many violations (sandbox violations, refused results, rejections with an attack category) happen in one window or one lineage.",
            "3", Min: 1, Max: int.MaxValue, CanBeOff: true),
        new("tripwires", "violations_window", PolicyKind.Integer,
            "The window of violations_count, in candidates judged.", "20", Min: 1, Max: int.MaxValue),
        new("tripwires", "budget_burn_cpu_seconds_per_minute", PolicyKind.Number,
            "Fires when the candidates' CPU seconds measured in the last 60 seconds of the run reach this.",
            "240.0", Min: 1, CanBeOff: true),
        new("tripwires", "protected_touch", PolicyKind.Bool,
            "Fires when a proposal touches protected files or the policy, the sandbox refuses results, or a run ends in a sandbox violation.",
            "true"),

        new("approval", "every_promotion", PolicyKind.Bool,
            "Every promotion needs a human's approval.", "false"),
        new("approval", "gain_above_relative", PolicyKind.Number,
            "A promotion whose relative gain is above this (or unknown) needs a human's approval.", "0.1", CanBeOff: true),
        new("approval", "every_kth_promotion", PolicyKind.Integer,
            "Every k-th promotion of the run (k, 2k, ...) needs a human's approval.", "5", Min: 1, Max: int.MaxValue, CanBeOff: true),
        new("approval", "every_meta_change", PolicyKind.Bool,
            "Every change to the improver itself (a meta-level promotion) needs a human's approval.", "true"),
        new("approval", "approval_timeout", PolicyKind.Number,
            "Seconds an approval request may stay unanswered; then it is rejected and recorded as timed out.", "86400.0", Min: 1, CanBeOff: true),
        new("approval", "max_evaluations_while_waiting", PolicyKind.Integer,
            "Evaluations a run may go on with while a promotion waits for a human (0: the run waits). A fired tripwire always pauses.",
            "50", Max: int.MaxValue),

        new("slowdown", "max_evaluations", PolicyKind.Integer,
            "The run stops after this many evaluations (on top of the task's own budget).", "10000", Min: 1, Max: long.MaxValue, CanBeOff: true),
        new("slowdown", "max_cpu_seconds", PolicyKind.Number,
            "The run stops after its candidates used this many CPU seconds.", "86400.0", Min: 1, CanBeOff: true),
        new("slowdown", "max_wall_seconds", PolicyKind.Number,
            "The run stops after this many seconds of wall time.", "86400.0", Min: 1, CanBeOff: true),
        new("slowdown", "max_promotions_per_hour", PolicyKind.Integer,
            "At most this many promotions in any 60 minutes; a further one is deferred.", "20", Min: 1, Max: int.MaxValue, CanBeOff: true),
        new("slowdown", "max_promotions_per_evaluations", PolicyKind.IntegerPair,
            "[count, per]: at most count promotions in any per consecutive evaluations; a further one is deferred.",
            "[10, 100]", Min: 1, Max: int.MaxValue, CanBeOff: true),
        new("slowdown", "checkpoint_every_promotions", PolicyKind.Integer,
            "A mandatory human checkpoint: the k-th promotion since the last human review needs approval.", "10", Min: 1, Max: int.MaxValue, CanBeOff: true),
        new("slowdown", "tripwire_cooldown_seconds", PolicyKind.Number,
            "After a tripwire fires, promotions are deferred for this many seconds.", "600.0"),
    ];

    private static readonly Dictionary<string, PolicyKey> ByPath = Keys.ToDictionary(k => k.Path, StringComparer.Ordinal);

    public static PolicyKey? Find(string section, string name) => ByPath.GetValueOrDefault($"{section}.{name}");

    /// <summary>The keys of one table, in canonical order.</summary>
    public static IEnumerable<PolicyKey> In(string section) => Keys.Where(k => k.Section == section);
}
