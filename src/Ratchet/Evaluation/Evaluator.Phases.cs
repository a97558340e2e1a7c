using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Ratchet.Sandbox;
using Ratchet.Tasks;

namespace Ratchet.Evaluation;

public sealed partial class Evaluator
{
    /// <summary>One complete measurement: run then score (or the single evaluate command).</summary>
    private async Task<Measurement> MeasureAsync(StagedProgram program, bool sealedInputs, ulong seed, Tally tally, bool keepRun, CancellationToken ct)
    {
        var (phase, inputs) = task.Evaluate is { } evaluate ? (evaluate, evaluate.Inputs) : (task.Run!, task.Run!.Inputs);
        var run = await tally.Track(sandbox.RunAsync(new SandboxRequest
        {
            Command = phase.Command,
            WorkFiles = program.Files.Concat(Inputs(inputs, sealedInputs ? task.Holdout?.Inputs : null)).ToList(),
            Environment = Environment(phase, seed),
            CollectResults = true,
            Limits = _limits,
            Cpus = tally.Cpus,
        }, ct));
        var keep = false;
        try
        {
            ct.ThrowIfCancellationRequested();
            var artifacts = new Artifacts(Tail(run.Stdout), Tail(run.Stderr), "", "", run.Results?.Files ?? []);
            var name = task.Evaluate is null ? "run" : "evaluate";
            if (PhaseVerdict.OfRun(run, name) is { } failure)
                return new Measurement(new PhaseResult(failure.Outcome, null, null, [failure.Reason], run.Resources, artifacts), null, null);
            var hash = ResultsHash(run.Results);
            if (task.Evaluate is not null)
            {
                keep = keepRun;
                return new Measurement(FromMetrics(run.Stdout, run.Resources, artifacts), keepRun ? run : null, hash);
            }
            await using var score = await tally.Track(sandbox.RunAsync(new SandboxRequest
            {
                Command = task.Score!.Command,
                WorkFiles = Inputs(task.Score.Inputs, sealedInputs ? task.Holdout?.ScoreInputs : null).ToList(),
                Environment = Environment(task.Score, seed),
                RunResults = run.Results,
                ResourcesJson = ResourcesJson(run.Resources),
                Limits = _limits,
                Cpus = tally.Cpus,
            }, ct));
            ct.ThrowIfCancellationRequested();
            artifacts = artifacts with { ScoreStdoutTail = Tail(score.Stdout), ScoreStderrTail = Tail(score.Stderr) };
            var result = PhaseVerdict.OfScore(score) is { } scoreFailure
                ? new PhaseResult(scoreFailure.Outcome, null, null, [scoreFailure.Reason], run.Resources, artifacts)
                : FromMetrics(score.Stdout, run.Resources, artifacts);
            keep = keepRun;
            return new Measurement(result, keepRun ? run : null, hash);
        }
        finally
        {
            if (!keep)
                await run.DisposeAsync();
        }
    }

    /// <summary>The run phase alone, same seed, for the stateful-behaviour check: its results hash is what matters.</summary>
    private async Task<RerunReport> RunOnlyAsync(StagedProgram program, ulong seed, Tally tally, CancellationToken ct)
    {
        var phase = task.Evaluate ?? task.Run!;
        await using var run = await tally.Track(sandbox.RunAsync(new SandboxRequest
        {
            Command = phase.Command,
            WorkFiles = program.Files.Concat(Inputs(phase.Inputs, null)).ToList(),
            Environment = Environment(phase, seed),
            CollectResults = true,
            Limits = _limits,
            Cpus = tally.Cpus,
        }, ct));
        ct.ThrowIfCancellationRequested();
        if (PhaseVerdict.OfRun(run) is { } failure)
            return new RerunReport(failure.Outcome, null, null, [failure.Reason]);
        return new RerunReport(Outcome.Ok, null, ResultsHash(run.Results), []);
    }

    /// <summary>One invariant against the first visible run's results, sandboxed like the scorer.</summary>
    private async Task<InvariantResult> InvariantAsync(InvariantSpec invariant, Measurement first, ulong seed, Tally tally, CancellationToken ct)
    {
        if (first.Run?.Results is not { } results)
            return new InvariantResult(invariant.Name, false, "the run left no results to check");
        await using var check = await tally.Track(sandbox.RunAsync(new SandboxRequest
        {
            Command = invariant.Command,
            WorkFiles = Inputs(invariant.Inputs, null).ToList(),
            Environment = new Dictionary<string, string> { ["RATCHET_SEED"] = seed.ToString(CultureInfo.InvariantCulture) },
            RunResults = results,
            ResourcesJson = ResourcesJson(first.Run.Resources),
            Limits = _limits,
            Cpus = tally.Cpus,
        }, ct));
        ct.ThrowIfCancellationRequested();
        var output = (Tail(check.Stdout) + Tail(check.Stderr)).Trim();
        var passed = check.Termination == Termination.Exited && check.ExitCode == 0;
        var detail = passed ? output : $"{(check.Termination == Termination.Exited ? $"exited with code {check.ExitCode}" : check.Detail ?? check.Termination.ToString())}" +
            (output.Length > 0 ? ": " + MetricsParser.Quote(output.Length > 400 ? output[^400..] : output) : "");
        return new InvariantResult(invariant.Name, passed, detail);
    }

    private PhaseResult FromMetrics(byte[] stdout, ResourceUsage resources, Artifacts artifacts)
    {
        var parsed = MetricsParser.Parse(Encoding.UTF8.GetString(stdout), task.Objective.Metric, sharedStdout: task.Evaluate is not null);
        return parsed.IsValid
            ? new PhaseResult(Outcome.Ok, parsed.Objective, parsed.Json, [], resources, artifacts)
            : new PhaseResult(Outcome.InvalidMetrics, null, null, [parsed.Problem!], resources, artifacts);
    }

    private static byte[] ResourcesJson(ResourceUsage resources) => JsonSerializer.SerializeToUtf8Bytes(new
    {
        cpu_seconds = Math.Round(resources.CpuSeconds, 6),
        wall_seconds = Math.Round(resources.WallSeconds, 6),
        max_rss_mb = Math.Round(resources.MaxRssMb, 3),
    });

    /// <summary>SHA-256 over the results' relative paths and contents, in path order (regular files only: the sandbox refused anything else).</summary>
    private static string? ResultsHash(SandboxResults? results)
    {
        if (results is null)
            return null;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in results.Files.OrderBy(f => f.RelativePath, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(file.RelativePath + "\0"));
            hash.AppendData(File.ReadAllBytes(Path.Combine(results.HostDirectory, file.RelativePath)));
            hash.AppendData([0]);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

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
}
