namespace Ratchet.Oversight;

/// <summary>The run's tripwires: fans each event out to all of them and returns every fire. Events are read in order of
/// <see cref="OversightEvent.Seq"/>; an event at or below the last one seen is ignored, so replaying stored events and
/// then going on live never counts an event twice. All state comes from the events, so a replay rebuilds it exactly.</summary>
public sealed class TripwireSet
{
    public TripwireSet(IEnumerable<ITripwire> tripwires) => Tripwires = tripwires.ToArray();

    public IReadOnlyList<ITripwire> Tripwires { get; }

    /// <summary>The highest sequence number observed, or -1 before any.</summary>
    public long LastSeq { get; private set; } = -1;

    /// <summary>The time of the last event that fired a tripwire (for the policy's post-tripwire cool-down).</summary>
    public DateTimeOffset? LastFireAt { get; private set; }

    /// <summary>The tripwires the policy switches on, with its thresholds.</summary>
    public static TripwireSet FromPolicy(Policy policy)
    {
        var p = policy.Tripwires;
        var tripwires = new List<ITripwire>();
        if (p.ScoreJumpMultiple is not null || p.ScoreJumpRelative is not null)
            tripwires.Add(ScoreJumpTripwire.FromPolicy(p));
        if (p.AccelerationDoublingEvaluations is not null)
            tripwires.Add(AccelerationTripwire.FromPolicy(p));
        if (p.ViolationsCount is not null)
            tripwires.Add(ViolationsTripwire.FromPolicy(p));
        if (p.BudgetBurnCpuSecondsPerMinute is not null)
            tripwires.Add(BudgetBurnTripwire.FromPolicy(p));
        if (p.ProtectedTouch)
            tripwires.Add(ProtectedTouchTripwire.FromPolicy(p));
        return new TripwireSet(tripwires);
    }

    /// <summary>Builds the set from the policy and replays stored events into it (resume); returns the set ready for live events.</summary>
    public static TripwireSet Rebuild(Policy policy, IEnumerable<OversightEvent> events)
    {
        var set = FromPolicy(policy);
        set.Replay(events);
        return set;
    }

    /// <summary>Feeds one event to every tripwire; returns the fires, in tripwire order (empty when none, or when the event was seen).</summary>
    public IReadOnlyList<TripwireFire> Observe(OversightEvent e)
    {
        if (e.Seq <= LastSeq)
            return [];
        LastSeq = e.Seq;
        var fires = new List<TripwireFire>();
        foreach (var tripwire in Tripwires)
        {
            if (tripwire.Observe(e) is { } fire)
                fires.Add(fire);
        }
        if (fires.Count > 0)
            LastFireAt = e.At;
        return fires;
    }

    /// <summary>Feeds events in order; returns every fire with the event that caused it.</summary>
    public IReadOnlyList<(OversightEvent Event, TripwireFire Fire)> Replay(IEnumerable<OversightEvent> events)
    {
        var all = new List<(OversightEvent, TripwireFire)>();
        foreach (var e in events.OrderBy(x => x.Seq))
            all.AddRange(Observe(e).Select(f => (e, f)));
        return all;
    }
}
