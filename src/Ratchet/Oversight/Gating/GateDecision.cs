namespace Ratchet.Oversight;

/// <summary>What the gate decides about a promotion.</summary>
public abstract record GateDecision
{
    private GateDecision()
    {
    }

    /// <summary>Promote now; no human needed.</summary>
    public sealed record AutoApprove : GateDecision
    {
        public override string ToString() => "auto-approve";
    }

    /// <summary>Hold the promotion until a human approves or rejects it; the reasons say why (shown to the human).</summary>
    public sealed record NeedsApproval(IReadOnlyList<string> Reasons) : GateDecision
    {
        public override string ToString() => "needs approval: " + string.Join("; ", Reasons);
    }

    /// <summary>Not yet: ask again at <paramref name="Until"/> (time caps, cool-down) or once the run has made
    /// <paramref name="UntilEvaluations"/> evaluations (per-evaluations cap); at least one is set.</summary>
    public sealed record Defer(DateTimeOffset? Until, long? UntilEvaluations, string Reason) : GateDecision
    {
        public override string ToString() => "defer: " + Reason;
    }

    /// <summary>Never: an auditor rejected it, or the policy turns a flag into a rejection.</summary>
    public sealed record Blocked(IReadOnlyList<string> Reasons) : GateDecision
    {
        public override string ToString() => "blocked: " + string.Join("; ", Reasons);
    }
}
