namespace Ratchet.Oversight;

/// <summary>What a <see cref="Verdict.Flag"/> does under the policy.</summary>
public enum FlagAction
{
    /// <summary>Ask a human before the candidate can be promoted.</summary>
    Approve,
    /// <summary>Treat the flag as a pass.</summary>
    Allow,
    /// <summary>Treat the flag as a rejection.</summary>
    Reject,
}

/// <summary><c>[auditors]</c>: which checks run and which verdicts block. Each member documents its key in <see cref="PolicySchema"/>.</summary>
public sealed record AuditorPolicy(
    FlagAction Flag,
    double HoldoutMargin,
    bool Reproduce,
    double ReproduceTolerance,
    bool DeterministicCheck,
    int DeterministicReruns,
    int MaxDiffLines,
    long MaxProgramBytes,
    bool StaticRules,
    IReadOnlyList<string> DisabledRules);

/// <summary><c>[tripwires]</c>: thresholds of the monitors; null means the rule is off.</summary>
public sealed record TripwirePolicy(
    double? ScoreJumpMultiple,
    double? ScoreJumpRelative,
    int ScoreJumpMinHistory,
    int AccelerationWindow,
    double? AccelerationDoublingEvaluations,
    int? ViolationsCount,
    int ViolationsWindow,
    double? BudgetBurnCpuSecondsPerMinute,
    bool ProtectedTouch);

/// <summary><c>[approval]</c>: which promotions need a human; null means the rule is off. A fired tripwire always needs one.</summary>
public sealed record ApprovalPolicy(
    bool EveryPromotion,
    double? GainAboveRelative,
    int? EveryKthPromotion,
    bool EveryMetaChange,
    double? ApprovalTimeoutSeconds,
    int MaxEvaluationsWhileWaiting);

/// <summary><c>[slowdown]</c>: compute caps, promotion rate caps, checkpoints and the post-tripwire cool-down; null means off.</summary>
public sealed record SlowdownPolicy(
    long? MaxEvaluations,
    double? MaxCpuSeconds,
    double? MaxWallSeconds,
    int? MaxPromotionsPerHour,
    PromotionRate? MaxPromotionsPerEvaluations,
    int? CheckpointEveryPromotions,
    double TripwireCooldownSeconds);

/// <summary>At most <paramref name="Count"/> promotions in any <paramref name="PerEvaluations"/> consecutive evaluations.</summary>
public sealed record PromotionRate(int Count, int PerEvaluations);
