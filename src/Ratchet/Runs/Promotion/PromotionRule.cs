using Ratchet.Tasks;

namespace Ratchet.Runs.Promotion;

/// <summary>Decides whether a candidate's gain over the incumbent beats measurement noise (docs/promotion.md). Pure:
/// scores in, a typed decision out. Deterministic measurements are compared plainly with <c>min_gain</c>; noisy ones
/// pass a one-sided Welch screening at <c>alpha</c>, then a confirmation round on fresh repeats at
/// <c>1 / comparisons</c>, so a change that is no better is promoted with probability at most
/// <c>alpha / comparisons</c> per comparison and <c>alpha</c> over a run of that many comparisons.</summary>
public sealed partial class PromotionRule
{
    private readonly ObjectiveSpec _objective;
    private readonly PromotionOptions _options;

    public PromotionRule(ObjectiveSpec objective, PromotionOptions? options = null)
    {
        _objective = objective;
        _options = options ?? new PromotionOptions();
        var errors = _options.Validate();
        if (errors.Count > 0)
            throw new ArgumentException($"invalid promotion options: {string.Join("; ", errors)}", nameof(options));
    }

    /// <summary>One-sided level of the screening test: the objective's <c>alpha</c>.</summary>
    public double ScreeningLevel => _objective.Alpha;

    /// <summary>One-sided level of the confirmation test: <c>1 / comparisons</c>.</summary>
    public double ConfirmationLevel => 1.0 / _options.Comparisons;

    /// <summary>Bound on the chance that one comparison promotes a change that is no better: the product of the levels.</summary>
    public double PerComparisonLevel => ScreeningLevel * ConfirmationLevel;

    /// <summary>Fresh repeats per side that a confirmation round asks for, given the screening repeats.</summary>
    public int ConfirmationRepeats(int screeningRepeats) =>
        _options.ConfirmationRepeats ?? Math.Max(2, 2 * Math.Max(_objective.Repeats, screeningRepeats));

    /// <summary>Decides on the candidate's repeat scores against the incumbent's (null: there is no champion yet).
    /// Pass <paramref name="confirmation"/> only after this rule asked for it; the screening is re-checked anyway.</summary>
    public PromotionDecision Decide(IReadOnlyList<double>? incumbent, IReadOnlyList<double> candidate, ConfirmationScores? confirmation = null)
    {
        if (Problem("candidate", candidate) is { } candidateProblem)
            return new PromotionDecision.Reject(candidateProblem);
        if (incumbent is null)
            return new PromotionDecision.Promote("first ok candidate: there is no champion to beat");
        if (Problem("incumbent", incumbent) is { } incumbentProblem)
            return new PromotionDecision.Reject(incumbentProblem);
        var screening = Screen(incumbent, candidate);
        if (screening is not PromotionDecision.NeedsConfirmation || confirmation is null)
            return screening;
        return Confirm(screening.Screening!, confirmation);
    }

    private PromotionDecision Screen(IReadOnlyList<double> incumbent, IReadOnlyList<double> candidate)
    {
        if (Sample.IsConstant(incumbent) && Sample.IsConstant(candidate))
            return Plain(incumbent[0], candidate[0], "deterministic");
        var i = Sample.Of(incumbent);
        var c = Sample.Of(candidate);
        if (OutOfRange(i, c) is { } range)
            return new PromotionDecision.Reject(range);
        var test = Test(incumbent, candidate, i, c, ScreeningLevel);
        if (test is null)
            return Plain(i.Mean, c.Mean, "no spread in the paired differences");
        if (!test.Passed)
            return new PromotionDecision.Reject(Invariant($"{(test.Gain > _objective.MinGain ? "within measurement noise" : "no gain")} at screening: {test}{MinGainNote}")) { Screening = test };
        var repeats = ConfirmationRepeats(Math.Max(i.Count, c.Count));
        return new PromotionDecision.NeedsConfirmation(repeats,
            Invariant($"passed screening ({test}); confirm on {repeats} fresh repeats of each")) { Screening = test };
    }

    /// <summary>The paired test when the repeats line up and the options allow it, else Welch's; null when neither
    /// shows any spread (the caller then compares plainly).</summary>
    private TestResult? Test(IReadOnlyList<double> incumbent, IReadOnlyList<double> candidate, Sample i, Sample c, double level) =>
        (_options.Paired ? PairedTest.Run(incumbent, candidate, _objective.Gain, _objective.MinGain, level) : null)
        ?? WelchTest.Run(i, c, _objective.Gain(c.Mean, i.Mean), _objective.MinGain, level);

    private PromotionDecision Confirm(TestResult screening, ConfirmationScores round)
    {
        if ((Problem("incumbent's confirmation", round.Incumbent) ?? Problem("candidate's confirmation", round.Candidate)) is { } problem)
            return new PromotionDecision.Reject(problem) { Screening = screening };
        if (round.Incumbent.Count < 2 || round.Candidate.Count < 2)
            return new PromotionDecision.Reject(Invariant(
                $"a confirmation round needs at least 2 fresh scores per side, found {round.Incumbent.Count} for the incumbent and {round.Candidate.Count} for the candidate"))
                { Screening = screening };
        if (Sample.IsConstant(round.Incumbent) && Sample.IsConstant(round.Candidate))
            return Plain(round.Incumbent[0], round.Candidate[0], "confirmation round without noise") with { Screening = screening };
        var i = Sample.Of(round.Incumbent);
        var c = Sample.Of(round.Candidate);
        if (OutOfRange(i, c) is { } range)
            return new PromotionDecision.Reject(range) { Screening = screening };
        var test = Test(round.Incumbent, round.Candidate, i, c, ConfirmationLevel);
        if (test is null)
            return Plain(i.Mean, c.Mean, "confirmation round with no spread in the paired differences") with { Screening = screening };
        PromotionDecision decision = test.Passed
            ? new PromotionDecision.Promote(Invariant($"gain beats noise: screening {screening}; confirmation {test}"))
            : new PromotionDecision.Reject(Invariant($"not confirmed on fresh repeats: {test}{MinGainNote}"));
        return decision with { Screening = screening, Confirmation = test };
    }
}
