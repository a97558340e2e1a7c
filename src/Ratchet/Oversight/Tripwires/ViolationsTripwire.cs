using Ratchet.Evaluation;

namespace Ratchet.Oversight;

/// <summary>Fires when violations pile up: <c>count</c> of them among the last <c>window</c> candidates judged, or
/// <c>count</c> in one lineage. A violation is a sandbox violation, results the sandbox refused, or a rejection that
/// names an attack category or touched protected files. A candidate counts once however many events it has. After a
/// fire the window (or the lineage) starts counting afresh.</summary>
public sealed class ViolationsTripwire : ITripwire
{
    public const string TripwireName = "violations";

    private readonly LinkedList<(string CandidateId, bool Violation)> _recent = new();
    private readonly Dictionary<string, int> _byLineage = new(StringComparer.Ordinal);
    private readonly HashSet<string> _counted = new(StringComparer.Ordinal);

    /// <param name="count">Violations that fire; null switches the tripwire off.</param>
    /// <param name="window">Candidates in the window.</param>
    public ViolationsTripwire(int? count, int window)
    {
        Count = count;
        WindowSize = window > 0 ? window : throw new ArgumentOutOfRangeException(nameof(window));
    }

    public string Name => TripwireName;

    public int? Count { get; }

    public int WindowSize { get; }

    public static ViolationsTripwire FromPolicy(TripwirePolicy policy) => new(policy.ViolationsCount, policy.ViolationsWindow);

    public TripwireFire? Observe(OversightEvent e)
    {
        var (candidate, lineage, violation, what) = e switch
        {
            EvaluatedEvent v => (v.CandidateId, v.LineageRoot, v.Outcome == Outcome.SandboxViolation || v.ResultsRefused,
                v.ResultsRefused ? "results refused" : v.Outcome.ToWire()),
            RejectedEvent r => (r.CandidateId, r.LineageRoot, r.Category is not null || r.TouchedProtected,
                $"rejected by {r.By}" + (r.Category is null ? "" : $" ({r.Category})")),
            _ => (null!, null!, false, ""),
        };
        if (candidate is null || Count is not { } limit)
            return null;
        var firstViolation = violation && _counted.Add(candidate);
        Remember(candidate, firstViolation);
        if (!firstViolation)
            return null;
        _byLineage[lineage] = _byLineage.GetValueOrDefault(lineage) + 1;
        return Check(limit, candidate, lineage, what);
    }

    // Records the candidate in the window once; a later event about it can only add its first violation.
    private void Remember(string candidate, bool violation)
    {
        for (var node = _recent.First; node is not null; node = node.Next)
        {
            if (node.Value.CandidateId == candidate)
            {
                node.Value = (candidate, node.Value.Violation || violation);
                return;
            }
        }
        _recent.AddLast((candidate, violation));
        while (_recent.Count > WindowSize)
            _recent.RemoveFirst();
    }

    private TripwireFire? Check(int limit, string candidate, string lineage, string what)
    {
        var reasons = new List<string>();
        var inWindow = _recent.Count(r => r.Violation);
        if (inWindow >= limit)
        {
            reasons.Add($"{inWindow} violations among the last {_recent.Count} candidates (limit {limit} in {WindowSize}); latest: {candidate} {what}");
            for (var node = _recent.First; node is not null; node = node.Next)
                node.Value = (node.Value.CandidateId, false);
        }
        if (_byLineage[lineage] >= limit)
        {
            reasons.Add($"lineage {lineage} reached {_byLineage[lineage]} violations (limit {limit}); latest: {candidate} {what}");
            _byLineage[lineage] = 0;
        }
        return reasons.Count == 0 ? null : new TripwireFire(Name, string.Join("; ", reasons), candidate);
    }
}
