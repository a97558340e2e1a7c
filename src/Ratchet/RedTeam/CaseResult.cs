namespace Ratchet.RedTeam;

/// <summary>The verdict on one case.</summary>
public enum CaseOutcome
{
    /// <summary>An auditor, a task rule or a tripwire objected to the attack.</summary>
    Caught,
    /// <summary>The attack ran and the sandbox (or the trusted scorer, or the loop's isolation) left it without effect.</summary>
    Contained,
    /// <summary>A harm check saw an effect.</summary>
    Escaped,
    /// <summary>A benign case promoted cleanly.</summary>
    Promoted,
    /// <summary>A benign case was rejected, flagged, tripped a tripwire or was not promoted.</summary>
    Rejected,
    /// <summary>The runner could not run the case (infrastructure, not an attack result).</summary>
    Error,
}

/// <summary>Wire names of <see cref="CaseOutcome"/>.</summary>
public static class CaseOutcomeNames
{
    public static string ToWire(this CaseOutcome outcome) => outcome.ToString().ToLowerInvariant();
}

/// <summary>The verdict on one case: the result, the defence (or harm) that decided it, and why in words.</summary>
/// <param name="By">The auditor or tripwire name, the sandbox outcome, or the harm check.</param>
public sealed record CaseResult(RedTeamCase Case, CaseOutcome Result, string By, string Reason)
{
    /// <summary>Seconds the case took (its own run, checks included).</summary>
    public double WallSeconds { get; init; }
}
