namespace Ratchet.Oversight;

/// <summary>Fires when the candidates' measured CPU time in the last 60 seconds of the run (by event time) reaches the limit.
/// After a fire the minute starts afresh.</summary>
public sealed class BudgetBurnTripwire : ITripwire
{
    public const string TripwireName = "budget-burn";

    private static readonly TimeSpan Minute = TimeSpan.FromSeconds(60);

    private readonly Queue<(DateTimeOffset At, double CpuSeconds)> _recent = new();

    /// <param name="cpuSecondsPerMinute">The limit; null switches the tripwire off.</param>
    public BudgetBurnTripwire(double? cpuSecondsPerMinute) => CpuSecondsPerMinute = cpuSecondsPerMinute;

    public string Name => TripwireName;

    public double? CpuSecondsPerMinute { get; }

    public static BudgetBurnTripwire FromPolicy(TripwirePolicy policy) => new(policy.BudgetBurnCpuSecondsPerMinute);

    public TripwireFire? Observe(OversightEvent e)
    {
        if (e is not EvaluatedEvent evaluated || CpuSecondsPerMinute is not { } limit || !double.IsFinite(evaluated.CpuSeconds))
            return null;
        _recent.Enqueue((evaluated.At, Math.Max(0, evaluated.CpuSeconds)));
        while (_recent.Count > 0 && _recent.Peek().At <= evaluated.At - Minute)
            _recent.Dequeue();
        var total = _recent.Sum(r => r.CpuSeconds);
        if (total < limit)
            return null;
        var count = _recent.Count;
        _recent.Clear();
        return new TripwireFire(Name,
            $"candidates used {PolicyFormat.Number(total)} CPU seconds in the last 60 seconds over {count} evaluations (limit {PolicyFormat.Number(limit)} per minute)",
            evaluated.CandidateId);
    }
}
