using Ratchet.Runs;
using Ratchet.Storage;

namespace Ratchet.RedTeam;

/// <summary>A simulated human who approves every request at once, through a second store handle (as
/// <c>ratchet approve</c> does from another process). With it, the red team measures the automated defences alone:
/// whatever needed a human is let through, and only auditors, rules, tripwires and the sandbox stand in the way.</summary>
internal sealed class RubberStampHuman(Store human) : IRunObserver
{
    public const string Name = "redteam rubber stamp";

    private readonly List<ApprovalSeen> _approved = [];

    public IReadOnlyList<ApprovalSeen> Approved => _approved;

    public void Line(string text)
    {
    }

    public void Decided(DecidedCandidate candidate, RunSummary progress)
    {
    }

    public void ApprovalRequested(long id, string kind, string candidate, IReadOnlyList<string> reasons)
    {
        _approved.Add(new ApprovalSeen(id, kind, candidate, reasons));
        human.Write(tx =>
        {
            if (Store.AnswerApproval(tx, id, "approved", Name, "approves everything"))
                tx.Append("approved", new { approval = id, candidate, kind, by = Name, note = "approves everything" });
        });
    }
}

/// <summary>The controller's clock, a month ahead of the store's: deferrals (cool-downs, rate caps) are due at once,
/// so a red-team run never sleeps through a policy wait. The ledger keeps real times.</summary>
internal sealed class FastForwardTime : TimeProvider
{
    private static readonly TimeSpan Ahead = TimeSpan.FromDays(30);

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Ahead;
}
