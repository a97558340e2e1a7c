namespace Ratchet.Oversight;

/// <summary>Fires when gains accelerate: over the last <c>window</c> promotions (the proposed one included) the gain per
/// evaluation rose at every promotion, and at that growth it doubles in at most <c>doublingEvaluations</c> evaluations.
/// This is the run's "foom meter".</summary>
public sealed class AccelerationTripwire : ITripwire
{
    public const string TripwireName = "acceleration";

    // Rounding must not decide a fire at exactly the limit.
    private const double Tolerance = 1e-9;

    private readonly List<(long Evaluations, double Gain)> _points = [];
    private readonly Dictionary<string, long> _proposedAt = new(StringComparer.Ordinal);

    public AccelerationTripwire(int window, double? doublingEvaluations)
    {
        Window = window >= 3 ? window : throw new ArgumentOutOfRangeException(nameof(window), window, "the window needs at least 3 promotions");
        DoublingEvaluations = doublingEvaluations;
    }

    public string Name => TripwireName;

    public int Window { get; }

    /// <summary>The doubling-time limit in evaluations; null switches the tripwire off.</summary>
    public double? DoublingEvaluations { get; }

    public static AccelerationTripwire FromPolicy(TripwirePolicy policy) =>
        new(policy.AccelerationWindow, policy.AccelerationDoublingEvaluations);

    public TripwireFire? Observe(OversightEvent e)
    {
        switch (e)
        {
            case PromotionProposedEvent proposed:
                _proposedAt[proposed.CandidateId] = proposed.EvaluationsSoFar;
                return proposed.Gain is > 0 and var proposedGain ? Check(proposed.CandidateId, proposed.EvaluationsSoFar, proposedGain) : null;
            case PromotedEvent { Gain: > 0 and var gain } promoted:
                var evaluations = _proposedAt.GetValueOrDefault(promoted.CandidateId, _points.Count > 0 ? _points[^1].Evaluations : 0);
                _points.Add((evaluations, gain));
                return null;
            default:
                return null;
        }
    }

    private TripwireFire? Check(string candidateId, long evaluations, double gain)
    {
        if (DoublingEvaluations is not { } limit || _points.Count < Window - 1)
            return null;
        var points = _points.Skip(_points.Count - (Window - 1)).Append((Evaluations: evaluations, Gain: gain)).ToArray();
        var before = _points.Count >= Window ? _points[_points.Count - Window].Evaluations : 0;
        var rates = new double[points.Length];
        for (var k = 0; k < points.Length; k++)
        {
            var previous = k == 0 ? before : points[k - 1].Evaluations;
            rates[k] = points[k].Gain / Math.Max(1, points[k].Evaluations - previous);
            if (k > 0 && rates[k] <= rates[k - 1])
                return null;
        }
        var growth = rates[^1] / rates[0];
        var span = Math.Max(1, points[^1].Evaluations - points[0].Evaluations);
        var doubling = span * Math.Log(2) / Math.Log(growth);
        if (doubling > limit * (1 + Tolerance))
            return null;
        return new TripwireFire(Name,
            $"gain per evaluation rose at each of the last {Window} promotions, from {N(rates[0])} to {N(rates[^1])} over {span} evaluations; " +
            $"it doubles every {N(doubling)} evaluations (limit {N(limit)})", candidateId);
    }

    private static string N(double value) => PolicyFormat.Number(value);
}
