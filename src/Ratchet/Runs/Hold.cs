namespace Ratchet.Runs;

/// <summary>Why decisions are on hold: an approval request (for the head candidate's promotion, or for a fired
/// tripwire) or a promotion deferred by the policy's rate caps. Persisted as a row in the approvals table.</summary>
/// <param name="ApprovalId">The approvals row.</param>
/// <param name="Kind">"promotion", "tripwire" or "deferral".</param>
/// <param name="Seq">The head candidate's position for a promotion or deferral hold.</param>
/// <param name="Until">For a deferral: when the promotion may go ahead.</param>
internal sealed record Hold(long ApprovalId, string Kind, long? Seq, DateTimeOffset? Until)
{
    /// <summary>A fired tripwire pauses the run outright: nothing new is evaluated until a human answers.</summary>
    public bool BlocksEvaluations => Kind == "tripwire";

    /// <summary>True while a human must answer (a deferral resolves by itself).</summary>
    public bool NeedsHuman => Kind != "deferral";
}
