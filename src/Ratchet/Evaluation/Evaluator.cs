using System.Globalization;
using System.Text.Json;
using Ratchet.Sandbox;
using Ratchet.Tasks;

namespace Ratchet.Evaluation;

/// <summary>Assesses one candidate by the task protocol: the untrusted run in one sandbox, the trusted scorer in a
/// second one that sees only the run's results and Ratchet's own measurement of it, then the sealed holdout.</summary>
public sealed class Evaluator(TaskSpec task, ISandbox sandbox)
{
    private const int TailChars = 2000;

    private readonly SandboxLimits _limits = SandboxLimits.From(task.Limits);

    public TaskSpec Task => task;

    public async Task<EvaluationReport> EvaluateAsync(ProgramSnapshot program, EvaluationRequest request, CancellationToken cancellationToken)
    {
        var tally = new Tally();
        var scores = new List<double>(request.Repeats);
        PhaseResult? first = null;
        for (var repeat = 0; repeat < request.Repeats; repeat++)
        {
            var result = await MeasureAsync(program, sealedInputs: false, request.SeedOf(repeat), tally, cancellationToken);
            first ??= result;
            if (result.Outcome != Outcome.Ok)
            {
                var prefix = request.Repeats > 1 ? $"repeat {repeat + 1} of {request.Repeats}: " : "";
                return Report(result with { Reasons = result.Reasons.Select(r => prefix + r).ToArray() }, tally, scores, holdout: null);
            }
            scores.Add(result.Score!.Value);
        }
        var visible = first!;
        var mean = scores.Average();
        HoldoutReport? holdout = null;
        if (task.Holdout is not null && (request.RunHoldout?.Invoke(mean) ?? true))
        {
            var sealedResult = await MeasureAsync(program, sealedInputs: true, request.SeedOf(0), tally, cancellationToken);
            holdout = new HoldoutReport(sealedResult.Outcome, sealedResult.Score, sealedResult.Metrics, sealedResult.Reasons);
        }
        return Report(visible with { Score = mean }, tally, scores, holdout);
    }

    private EvaluationReport Report(PhaseResult result, Tally tally, IReadOnlyList<double> scores, HoldoutReport? holdout) => new()
    {
        Outcome = result.Outcome,
        Reasons = result.Reasons,
        Score = result.Outcome == Outcome.Ok ? result.Score : null,
        Metrics = result.Outcome == Outcome.Ok ? result.Metrics : null,
        RepeatScores = scores.ToArray(),
        Holdout = holdout,
        Resources = result.Resources,
        SandboxRuns = tally.Runs,
        CpuSeconds = tally.CpuSeconds,
        Artifacts = result.Artifacts,
    };

    /// <summary>One complete measurement: run then score (or the single evaluate command).</summary>
    private Task<PhaseResult> MeasureAsync(ProgramSnapshot program, bool sealedInputs, ulong seed, Tally tally, CancellationToken ct) =>
        task.Evaluate is { } evaluate
            ? EvaluateModeAsync(program, evaluate, sealedInputs, seed, tally, ct)
            : RunAndScoreAsync(program, sealedInputs, seed, tally, ct);

    private async Task<PhaseResult> RunAndScoreAsync(ProgramSnapshot program, bool sealedInputs, ulong seed, Tally tally, CancellationToken ct)
    {
        var run = task.Run!;
        var score = task.Score!;
        var runFiles = ProgramFiles(program).Concat(Inputs(run.Inputs, sealedInputs ? task.Holdout?.Inputs : null)).ToList();
        await using var runExecution = await tally.Track(sandbox.RunAsync(new SandboxRequest
        {
            Command = run.Command,
            WorkFiles = runFiles,
            Environment = Environment(run, seed),
            CollectResults = true,
            Limits = _limits,
        }, ct));
        ct.ThrowIfCancellationRequested();
        var artifacts = new Artifacts(Tail(runExecution.Stdout), Tail(runExecution.Stderr), "", "", runExecution.Results?.Files ?? []);
        if (PhaseVerdict.OfRun(runExecution) is { } failure)
            return new PhaseResult(failure.Outcome, null, null, [failure.Reason], runExecution.Resources, artifacts);

        var resources = JsonSerializer.SerializeToUtf8Bytes(new
        {
            cpu_seconds = Math.Round(runExecution.Resources.CpuSeconds, 6),
            wall_seconds = Math.Round(runExecution.Resources.WallSeconds, 6),
            max_rss_mb = Math.Round(runExecution.Resources.MaxRssMb, 3),
        });
        await using var scoreExecution = await tally.Track(sandbox.RunAsync(new SandboxRequest
        {
            Command = score.Command,
            WorkFiles = Inputs(score.Inputs, sealedInputs ? task.Holdout?.ScoreInputs : null).ToList(),
            Environment = Environment(score, seed),
            RunResults = runExecution.Results,
            ResourcesJson = resources,
            Limits = _limits,
        }, ct));
        ct.ThrowIfCancellationRequested();
        artifacts = artifacts with { ScoreStdoutTail = Tail(scoreExecution.Stdout), ScoreStderrTail = Tail(scoreExecution.Stderr) };
        if (PhaseVerdict.OfScore(scoreExecution) is { } scoreFailure)
            return new PhaseResult(scoreFailure.Outcome, null, null, [scoreFailure.Reason], runExecution.Resources, artifacts);
        return FromMetrics(scoreExecution.Stdout, runExecution.Resources, artifacts);
    }

    private async Task<PhaseResult> EvaluateModeAsync(ProgramSnapshot program, PhaseSpec evaluate, bool sealedInputs, ulong seed, Tally tally, CancellationToken ct)
    {
        var files = ProgramFiles(program).Concat(Inputs(evaluate.Inputs, sealedInputs ? task.Holdout?.Inputs : null)).ToList();
        await using var execution = await tally.Track(sandbox.RunAsync(new SandboxRequest
        {
            Command = evaluate.Command,
            WorkFiles = files,
            Environment = Environment(evaluate, seed),
            CollectResults = true,
            Limits = _limits,
        }, ct));
        ct.ThrowIfCancellationRequested();
        var artifacts = new Artifacts(Tail(execution.Stdout), Tail(execution.Stderr), "", "", execution.Results?.Files ?? []);
        if (PhaseVerdict.OfRun(execution, "evaluate") is { } failure)
            return new PhaseResult(failure.Outcome, null, null, [failure.Reason], execution.Resources, artifacts);
        return FromMetrics(execution.Stdout, execution.Resources, artifacts);
    }

    private PhaseResult FromMetrics(byte[] stdout, ResourceUsage resources, Artifacts artifacts)
    {
        var parsed = MetricsParser.Parse(System.Text.Encoding.UTF8.GetString(stdout), task.Objective.Metric);
        return parsed.IsValid
            ? new PhaseResult(Outcome.Ok, parsed.Objective, parsed.Json, [], resources, artifacts)
            : new PhaseResult(Outcome.InvalidMetrics, null, null, [parsed.Problem!], resources, artifacts);
    }

    private static IEnumerable<StagedFile> ProgramFiles(ProgramSnapshot program) =>
        program.Files.Select(f => StagedFile.FromText(f.Key, f.Value));

    /// <summary>Task inputs at their visible paths; in a holdout measurement the sealed sources replace them.</summary>
    private IEnumerable<StagedFile> Inputs(IReadOnlyList<string> inputs, IReadOnlyDictionary<string, string>? sealedSources)
    {
        foreach (var input in inputs)
        {
            var source = sealedSources is not null && sealedSources.TryGetValue(input, out var sealedSource) ? sealedSource : input;
            yield return StagedFile.FromHost(input, task.PathOf(source));
        }
        if (sealedSources is null)
            yield break;
        foreach (var (visiblePath, sealedSource) in sealedSources)
        {
            if (!inputs.Contains(visiblePath))
                yield return StagedFile.FromHost(visiblePath, task.PathOf(sealedSource));
        }
    }

    private static Dictionary<string, string> Environment(PhaseSpec phase, ulong seed)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in phase.Env)
        {
            if (EnvironmentPolicy.MayPass(name) && System.Environment.GetEnvironmentVariable(name) is { } value)
                environment[name] = value;
        }
        environment["RATCHET_SEED"] = seed.ToString(CultureInfo.InvariantCulture);
        return environment;
    }

    private static string Tail(byte[] bytes) => PhaseVerdict.Tail(bytes, TailChars);

    private sealed record PhaseResult(Outcome Outcome, double? Score, string? Metrics, IReadOnlyList<string> Reasons, ResourceUsage Resources, Artifacts Artifacts);

    /// <summary>Counts sandboxes started and the CPU they used.</summary>
    private sealed class Tally
    {
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
