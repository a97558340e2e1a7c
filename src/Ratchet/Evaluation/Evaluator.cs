using Ratchet.Common;
using Ratchet.Sandbox;
using Ratchet.Tasks;

namespace Ratchet.Evaluation;

/// <summary>Assesses one candidate by the task protocol: the untrusted run in one sandbox, the trusted scorer in a
/// second one that sees only the run's results and Ratchet's own measurement of it, then, for a would-be champion,
/// the sealed holdout and the measurements auditors need (re-runs, invariants).</summary>
public sealed partial class Evaluator(TaskSpec task, ISandbox sandbox)
{
    private const int TailChars = 2000;

    private readonly SandboxLimits _limits = SandboxLimits.From(task.Limits);
    private readonly Build.IProgramBuilder? _builder = task.Build is { } build
        ? Build.ProgramBuilders.Create(build.Kind, build.Output, out var error) ?? throw new ArgumentException(error, nameof(task))
        : null;

    public TaskSpec Task => task;

    public async Task<EvaluationReport> EvaluateAsync(ProgramSnapshot program, EvaluationRequest request, CancellationToken cancellationToken)
    {
        var tally = new Tally(request.Cpus);
        var (staged, buildFailure) = await StageAsync(program, cancellationToken);
        if (buildFailure is not null)
            return buildFailure;
        var scores = new List<double>(request.Repeats);
        Measurement? first = null;
        try
        {
            for (var repeat = 0; repeat < request.Repeats; repeat++)
            {
                var measurement = await MeasureAsync(staged, sealedInputs: false, request.SeedOf(repeat), tally, keepRun: repeat == 0, cancellationToken);
                if (repeat == 0)
                    first = measurement;
                var result = measurement.Result;
                if (result.Outcome != Outcome.Ok)
                    return RepeatFailed(result, request, repeat, tally, scores);
                scores.Add(result.Score!.Value);
            }
            var mean = scores.Average();
            var report = Report(first!.Result with { Score = mean }, tally, scores) with { OutputsHash = first.OutputsHash };
            if (!(request.WouldPromote?.Invoke(mean) ?? true))
                return report;
            return await CheckAsync(staged, request, report, first, tally, cancellationToken);
        }
        finally
        {
            if (first is not null)
                await first.DisposeAsync();
        }
    }

    /// <summary>The program's files as its run sandbox gets them, or the report of a build that failed.</summary>
    private async Task<(StagedProgram Staged, EvaluationReport? Failure)> StageAsync(ProgramSnapshot program, CancellationToken ct)
    {
        if (_builder is null)
            return (new StagedProgram(program, []), null);
        // Compiled outside the sandbox, without running candidate code; the builder caches by content, so repeats,
        // the holdout and re-runs of one candidate build once.
        var build = await _builder.BuildAsync(program, ct);
        return build.Succeeded
            ? (new StagedProgram(program, build.Artifacts), null)
            : (new StagedProgram(program, []), new EvaluationReport { Outcome = Outcome.Crashed, Reasons = [$"the program does not build: {build.Error}"] });
    }

    /// <summary>The measurements a would-be champion needs: the sealed holdout, the re-runs, the invariants.</summary>
    private async Task<EvaluationReport> CheckAsync(StagedProgram program, EvaluationRequest request, EvaluationReport report,
        Measurement first, Tally tally, CancellationToken ct)
    {
        var checks = request.Checks ?? PromotionChecks.None;
        HoldoutReport? holdout = null;
        if (task.Holdout is not null)
        {
            await using var sealedRun = await MeasureAsync(program, sealedInputs: true, request.SeedOf(0), tally, keepRun: false, ct);
            var r = sealedRun.Result;
            holdout = new HoldoutReport(r.Outcome, r.Score, r.Metrics, r.Reasons);
        }
        RerunReport? reproduction = null;
        if (checks.Reproduce)
        {
            // As many repeats as the assessment, on seeds of their own, so the two means compare like with like.
            var scores = new List<double>(request.Repeats);
            for (var repeat = 0; repeat < request.Repeats; repeat++)
            {
                await using var rerun = await MeasureAsync(program, sealedInputs: false, Seeds.Derive(request.ReproductionSeed, "repeat", (ulong)repeat), tally, keepRun: false, ct);
                if (rerun.Result.Outcome != Outcome.Ok)
                {
                    reproduction = new RerunReport(rerun.Result.Outcome, null, rerun.OutputsHash, rerun.Result.Reasons);
                    break;
                }
                scores.Add(rerun.Result.Score!.Value);
            }
            reproduction ??= new RerunReport(Outcome.Ok, scores.Average(), null, []) { RepeatScores = scores };
        }
        RerunReport? determinism = null;
        if (checks.DeterministicRerun)
        {
            // Several re-runs, not one: a program that is good only some of the time (by the clock, by chance, by state)
            // must be lucky in every one of them; the first that differs decides.
            for (var run = 1; run <= Math.Max(1, checks.DeterministicReruns); run++)
            {
                determinism = await RunOnlyAsync(program, request.SeedOf(0), tally, ct) with { Runs = run };
                if (determinism.Outcome != Outcome.Ok || determinism.OutputsHash != first.OutputsHash)
                    break;
            }
        }
        var invariants = new List<InvariantResult>(checks.Invariants.Count);
        foreach (var invariant in checks.Invariants)
            invariants.Add(await InvariantAsync(invariant, first, request.SeedOf(0), tally, ct));
        return report with
        {
            Holdout = holdout,
            Reproduction = reproduction,
            DeterminismRerun = determinism,
            Invariants = invariants,
            Checked = true,
            SandboxRuns = tally.Runs,
            CpuSeconds = tally.CpuSeconds,
        };
    }

    /// <summary>The report of a repeat that did not end <c>ok</c>, its reasons saying which repeat it was.</summary>
    private static EvaluationReport RepeatFailed(PhaseResult result, EvaluationRequest request, int repeat, Tally tally, IReadOnlyList<double> scores)
    {
        var prefix = request.Repeats > 1 ? $"repeat {repeat + 1} of {request.Repeats}: " : "";
        return Report(result with { Reasons = result.Reasons.Select(r => prefix + r).ToArray() }, tally, scores);
    }

    private static EvaluationReport Report(PhaseResult result, Tally tally, IReadOnlyList<double> scores) => new()
    {
        Outcome = result.Outcome,
        Reasons = result.Reasons,
        Score = result.Outcome == Outcome.Ok ? result.Score : null,
        Metrics = result.Outcome == Outcome.Ok ? result.Metrics : null,
        RepeatScores = scores.ToArray(),
        Resources = result.Resources,
        SandboxRuns = tally.Runs,
        CpuSeconds = tally.CpuSeconds,
        Artifacts = result.Artifacts,
    };

    /// <summary>A candidate's files as staged in its run sandbox: the program, plus what the build produced.</summary>
    private sealed record StagedProgram(ProgramSnapshot Program, IReadOnlyList<StagedFile> Built)
    {
        public IEnumerable<StagedFile> Files => Program.Files.Select(f => StagedFile.FromText(f.Key, f.Value)).Concat(Built);
    }

    private sealed record PhaseResult(Outcome Outcome, double? Score, string? Metrics, IReadOnlyList<string> Reasons, ResourceUsage Resources, Artifacts Artifacts);

    /// <summary>One measurement and, when kept, the run whose results later checks read; disposing releases it.</summary>
    private sealed class Measurement(PhaseResult result, SandboxExecution? run, string? outputsHash) : IAsyncDisposable
    {
        public PhaseResult Result { get; } = result;

        public SandboxExecution? Run { get; } = run;

        public string? OutputsHash { get; } = outputsHash;

        public ValueTask DisposeAsync() => Run?.DisposeAsync() ?? ValueTask.CompletedTask;
    }

    /// <summary>Counts sandboxes started and the CPU they used; knows the CPUs they are pinned to.</summary>
    private sealed class Tally(IReadOnlyList<int>? cpus)
    {
        public IReadOnlyList<int>? Cpus => cpus;

        public int Runs { get; private set; }

        public double CpuSeconds { get; private set; }

        public async Task<SandboxExecution> Track(Task<SandboxExecution> execution)
        {
            Runs++;
            var result = await execution;
            CpuSeconds += result.Resources.CpuSeconds;
            return result;
        }
    }
}
