namespace Ratchet.Oversight;

/// <summary>Turns validated values (by <c>section.key</c>) into the typed policy sections.</summary>
internal static class PolicyValues
{
    public static AuditorPolicy Auditors(IReadOnlyDictionary<string, object?> v) => new(
        Flag: Enum.Parse<FlagAction>((string)v["auditors.flag"]!, ignoreCase: true),
        HoldoutMargin: (double)v["auditors.holdout_margin"]!,
        Reproduce: (bool)v["auditors.reproduce"]!,
        ReproduceTolerance: (double)v["auditors.reproduce_tolerance"]!,
        DeterministicCheck: (bool)v["auditors.deterministic_check"]!,
        DeterministicReruns: checked((int)(long)v["auditors.deterministic_reruns"]!),
        MaxDiffLines: checked((int)(long)v["auditors.max_diff_lines"]!),
        MaxProgramBytes: (long)v["auditors.max_program_bytes"]!,
        StaticRules: (bool)v["auditors.static_rules"]!,
        DisabledRules: (string[])v["auditors.disabled_rules"]!);

    public static TripwirePolicy Tripwires(IReadOnlyDictionary<string, object?> v) => new(
        ScoreJumpMultiple: (double?)v["tripwires.score_jump_multiple"],
        ScoreJumpRelative: (double?)v["tripwires.score_jump_relative"],
        ScoreJumpMinHistory: Int(v["tripwires.score_jump_min_history"])!.Value,
        AccelerationWindow: Int(v["tripwires.acceleration_window"])!.Value,
        AccelerationDoublingEvaluations: (double?)v["tripwires.acceleration_doubling_evaluations"],
        ViolationsCount: Int(v["tripwires.violations_count"]),
        ViolationsWindow: Int(v["tripwires.violations_window"])!.Value,
        BudgetBurnCpuSecondsPerMinute: (double?)v["tripwires.budget_burn_cpu_seconds_per_minute"],
        ProtectedTouch: (bool)v["tripwires.protected_touch"]!);

    public static ApprovalPolicy Approval(IReadOnlyDictionary<string, object?> v) => new(
        EveryPromotion: (bool)v["approval.every_promotion"]!,
        GainAboveRelative: (double?)v["approval.gain_above_relative"],
        EveryKthPromotion: Int(v["approval.every_kth_promotion"]),
        EveryMetaChange: (bool)v["approval.every_meta_change"]!,
        ApprovalTimeoutSeconds: (double?)v["approval.approval_timeout"],
        MaxEvaluationsWhileWaiting: Int(v["approval.max_evaluations_while_waiting"])!.Value);

    public static SlowdownPolicy Slowdown(IReadOnlyDictionary<string, object?> v) => new(
        MaxEvaluations: (long?)v["slowdown.max_evaluations"],
        MaxCpuSeconds: (double?)v["slowdown.max_cpu_seconds"],
        MaxWallSeconds: (double?)v["slowdown.max_wall_seconds"],
        MaxPromotionsPerHour: Int(v["slowdown.max_promotions_per_hour"]),
        MaxPromotionsPerEvaluations: v["slowdown.max_promotions_per_evaluations"] is long[] pair
            ? new PromotionRate(checked((int)pair[0]), checked((int)pair[1]))
            : null,
        CheckpointEveryPromotions: Int(v["slowdown.checkpoint_every_promotions"]),
        TripwireCooldownSeconds: (double)v["slowdown.tripwire_cooldown_seconds"]!);

    private static int? Int(object? value) => value is null ? null : checked((int)(long)value);
}
