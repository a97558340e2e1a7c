namespace Ratchet.Storage;

/// <summary>A question to a human, durable in the store: a promotion, a fired tripwire or a checkpoint.</summary>
/// <param name="Id">Small integer id used by <c>ratchet approve|reject &lt;task&gt; &lt;id&gt;</c>.</param>
/// <param name="Candidate">The candidate it is about, if any.</param>
/// <param name="Kind">"promotion" or "tripwire".</param>
/// <param name="State">"open", "approved", "rejected" or "expired".</param>
/// <param name="Applied">True once the run acted on the answer.</param>
public sealed record ApprovalRecord(
    long Id,
    string? Candidate,
    string Kind,
    IReadOnlyList<string> Reasons,
    string RequestedAt,
    string? Deadline,
    string State,
    string? DecidedBy,
    string? DecidedAt,
    string? Note,
    bool Applied)
{
    public bool IsOpen => State == "open";
}
