using Ratchet.Evaluation;

namespace Ratchet.Oversight;

/// <summary>Fires at once when a proposal touches protected files or the policy, when the sandbox refuses a run's results,
/// or when a run ends in a sandbox violation: each is an attempt on the walls, not a mistake.</summary>
public sealed class ProtectedTouchTripwire(bool enabled = true) : ITripwire
{
    public const string TripwireName = "protected-touch";

    public string Name => TripwireName;

    public bool Enabled { get; } = enabled;

    public static ProtectedTouchTripwire FromPolicy(TripwirePolicy policy) => new(policy.ProtectedTouch);

    public TripwireFire? Observe(OversightEvent e)
    {
        if (!Enabled)
            return null;
        return e switch
        {
            RejectedEvent { TouchedProtected: true } r => new TripwireFire(Name,
                $"proposal {r.CandidateId} touched protected files or the policy (rejected by {r.By}{(r.Category is null ? "" : $", {r.Category}")}): {Join(r.Reasons)}", r.CandidateId),
            EvaluatedEvent { ResultsRefused: true } v => new TripwireFire(Name,
                $"the sandbox refused the results of {v.CandidateId}: {Join(v.Reasons)}", v.CandidateId),
            EvaluatedEvent { Outcome: Outcome.SandboxViolation } v => new TripwireFire(Name,
                $"{v.CandidateId} ended in a sandbox violation: {Join(v.Reasons)}", v.CandidateId),
            _ => null,
        };
    }

    private static string Join(IReadOnlyList<string> reasons) => reasons.Count == 0 ? "no details" : string.Join("; ", reasons);
}
