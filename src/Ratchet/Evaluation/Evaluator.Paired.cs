using Ratchet.Tasks;

namespace Ratchet.Evaluation;

public sealed partial class Evaluator
{
    /// <summary>Measures two programs in pairs, for a confirmation round: repeat r of one, then repeat r of the other
    /// on the same seed, one sandbox at a time, the order alternating from pair to pair (ABBA...). Measured back to back,
    /// a pair's difference cancels what drifts with time (a machine that slows down, a neighbour's load) as well as what
    /// the seed brings. Side by side they would contend for the cores, and the faster program, finishing first, would
    /// leave the other alone and quicker for its last repeats, which biases timings against the faster one.
    /// Stops at the first measurement that is not <c>ok</c>: the round is lost either way. Only visible runs: no
    /// holdout, no checks.</summary>
    public async Task<(EvaluationReport First, EvaluationReport Second)> EvaluatePairedAsync(ProgramSnapshot first, ProgramSnapshot second,
        EvaluationRequest request, CancellationToken cancellationToken)
    {
        var a = await PairedSide.StageAsync(this, first, cancellationToken);
        var b = await PairedSide.StageAsync(this, second, cancellationToken);
        for (var repeat = 0; repeat < request.Repeats && a.Failure is null && b.Failure is null; repeat++)
        {
            var (early, late) = repeat % 2 == 0 ? (a, b) : (b, a);
            await early.MeasureAsync(this, request, repeat, cancellationToken);
            if (early.Failure is null)
                await late.MeasureAsync(this, request, repeat, cancellationToken);
        }
        return (a.Report(), b.Report());
    }

    /// <summary>One program's half of a paired round: its scores so far, its tally, the first result or the failure.</summary>
    private sealed class PairedSide(StagedProgram? staged, EvaluationReport? buildFailure)
    {
        private readonly Tally _tally = new(null);
        private readonly List<double> _scores = [];
        private PhaseResult? _first;

        public EvaluationReport? Failure { get; private set; } = buildFailure;

        public static async Task<PairedSide> StageAsync(Evaluator evaluator, ProgramSnapshot program, CancellationToken ct)
        {
            var (staged, failure) = await evaluator.StageAsync(program, ct);
            return new PairedSide(staged, failure);
        }

        public async Task MeasureAsync(Evaluator evaluator, EvaluationRequest request, int repeat, CancellationToken ct)
        {
            await using var measurement = await evaluator.MeasureAsync(staged!, sealedInputs: false, request.SeedOf(repeat), _tally, keepRun: false, ct);
            var result = measurement.Result;
            if (result.Outcome != Outcome.Ok)
            {
                Failure = RepeatFailed(result, request, repeat, _tally, _scores);
                return;
            }
            _first ??= result;
            _scores.Add(result.Score!.Value);
        }

        /// <summary>The side's report: its failure, or its first result with the mean score and every repeat's score.
        /// The counts cover every sandbox the side started.</summary>
        public EvaluationReport Report() =>
            Failure is { } failure ? failure with { SandboxRuns = _tally.Runs, CpuSeconds = _tally.CpuSeconds }
            : _first is null ? new EvaluationReport { Outcome = Outcome.Ok, RepeatScores = [] }
            : Evaluator.Report(_first with { Score = _scores.Average() }, _tally, _scores);
    }
}
