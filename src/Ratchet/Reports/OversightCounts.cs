namespace Ratchet.Reports;

/// <summary>What the ledger says about oversight, read generically so new event types show up without a code change.</summary>
/// <param name="EventTypes">Ledger events per type.</param>
/// <param name="Audits">Audit verdicts per auditor: auditor name, then verdict (pass, flag, reject), then count.</param>
/// <param name="Tripwires">Tripwire fires per tripwire name.</param>
public sealed record OversightCounts(
    IReadOnlyDictionary<string, long> EventTypes,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> Audits,
    IReadOnlyDictionary<string, long> Tripwires)
{
    /// <summary>Ledger event types that mean a human was asked or answered.</summary>
    public static readonly IReadOnlyList<string> ApprovalTypes = ["approval-requested", "approved", "rejected-by-human"];

    /// <summary>Events of <paramref name="type"/> in the ledger (0 when none).</summary>
    public long Count(string type) => EventTypes.TryGetValue(type, out var count) ? count : 0;
}
