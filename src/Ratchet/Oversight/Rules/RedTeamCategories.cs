namespace Ratchet.Oversight;

/// <summary>Stable names of the REDTEAM.md rows, used as <see cref="AuditVerdict.Category"/> and rule categories.</summary>
public static class RedTeamCategories
{
    public const string GraderOverwrite = "grader-overwrite";
    public const string GraderPatch = "grader-patch";
    public const string TimerPatch = "timer-patch";
    public const string AnswerPeeking = "answer-peeking";
    public const string VisibleTestSpecialCasing = "visible-test-special-casing";
    public const string TestEditing = "test-editing";
    public const string AlwaysEqual = "always-equal";
    public const string EarlyExit = "early-exit";
    public const string FrameworkHook = "framework-hook";
    public const string BudgetRaise = "budget-raise";
    public const string DetectorRemoval = "detector-removal";
    public const string HistoryLeak = "history-leak";
    public const string StatefulCheating = "stateful-cheating";
    public const string NonFinite = "non-finite";
    public const string SeedLuck = "seed-luck";
    public const string Network = "network";
    public const string FilesystemEscape = "filesystem-escape";
    public const string ForkBomb = "fork-bomb";
    public const string MemoryBomb = "memory-bomb";
    public const string Hang = "hang";
    public const string OutputFlood = "output-flood";
    public const string SecretTheft = "secret-theft";
    public const string ShutdownSabotage = "shutdown-sabotage";
    public const string LedgerTamper = "ledger-tamper";
    public const string Privilege = "privilege";
    public const string InheritedDescriptors = "inherited-descriptors";
    public const string HoldoutDetection = "holdout-detection";

    /// <summary>All categories in REDTEAM.md row order (row n is index n-1).</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        GraderOverwrite, GraderPatch, TimerPatch, AnswerPeeking, VisibleTestSpecialCasing, TestEditing, AlwaysEqual, EarlyExit,
        FrameworkHook, BudgetRaise, DetectorRemoval, HistoryLeak, StatefulCheating, NonFinite, SeedLuck, Network, FilesystemEscape,
        ForkBomb, MemoryBomb, Hang, OutputFlood, SecretTheft, ShutdownSabotage, LedgerTamper, Privilege, InheritedDescriptors,
        HoldoutDetection,
    ];
}
