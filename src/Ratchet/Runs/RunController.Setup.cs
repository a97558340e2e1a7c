using System.Text.Json;
using Ratchet.Common;
using Ratchet.Evaluation;
using Ratchet.Oversight;
using Ratchet.Proposers;
using Ratchet.Runs.Oversight;
using Ratchet.Sandbox;
using Ratchet.Storage;
using Ratchet.Tasks;

namespace Ratchet.Runs;

public sealed partial class RunController
{
    private const string ProtectedFilesMetaKey = "protected_files";

    /// <summary>Creates the run, or rebuilds the loop's state from the store. Returns null for a new run,
    /// true for a resume with work to do, false for a run with nothing left.</summary>
    private bool? Setup()
    {
        _protected = ProtectedFiles.Snapshot(_task, _store.Directory);
        var existing = _store.GetRun();
        if (existing is null)
        {
            var policy = _options.Policy ?? Policy.Default;
            _oversight = new RunOversight(_task, policy, 1);
            _limits = BudgetLimits.From(_options, _task.Budget, _oversight.Policy.Slowdown);
            _promotion = new Promotion.PromotionRule(_task.Objective, Promotion.PromotionOptions.ForEvaluationLimit(_limits.Evaluations?.Value));
            CreateRun(policy);
            return null;
        }
        _run = existing;
        if (existing.State == RunState.Paused)
            throw new RunException("the run is paused (see `ratchet log` for who paused it): `ratchet resume <task>` first, then run again.");
        CheckSameTask();
        _oversight = LoadOversight();
        _limits = BudgetLimits.From(_options, _task.Budget, _oversight.Policy.Slowdown);
        _horizon = JsonSerializer.Deserialize<JsonElement>(existing.Config).TryGetProperty("horizon", out var h) && h.ValueKind == JsonValueKind.Number
            ? h.GetInt64()
            : _limits.Evaluations?.Value;
        _promotion = new Promotion.PromotionRule(_task.Objective, Promotion.PromotionOptions.ForEvaluationLimit(_horizon));
        _wallBefore = existing.WallSeconds;
        _proposalsMade = existing.ProposalsMade;
        Rebuild();
        _proposingStopped = CanProposeReason();
        if (_queue.Count == 0 && _hold is null && _proposingStopped is not null)
            return false;
        var previous = existing.State == RunState.Running ? "interrupted" : existing.State.ToWire();
        _store.Write(tx =>
        {
            Store.SetRunState(tx, _hold is { NeedsHuman: true } ? RunState.WaitingApproval : RunState.Running);
            Store.UpdateRunConfig(tx, ConfigJson(existing.Seed), Ledger.CanonicalJson.From(SandboxDescription()));
            tx.Append("run-resumed", new
            {
                previous_state = previous,
                evaluations = _counted,
                pending = _queue.Count,
                workers = Workers,
                worker_cpus = WorkerCpus(),
                limit = _limits.Evaluations?.Value,
                policy = _oversight.Policy.Hash,
                sandbox = SandboxDescription(),
            });
        });
        _run = _run with { State = RunState.Running };
        _observer.Line($"resuming a{(previous == "interrupted" ? "n" : "")} {previous} run: {_counted} evaluations recorded, {_queue.Count} pending");
        if (_hold is { NeedsHuman: true } hold)
        {
            var approval = _store.GetApproval(hold.ApprovalId)!;
            _observer.ApprovalRequested(approval.Id, approval.Kind, approval.Candidate ?? "", approval.Reasons);
        }
        return true;
    }

    /// <summary>The run's active policy (the store's latest version), with the tripwires rebuilt from the ledger.</summary>
    private RunOversight LoadOversight()
    {
        if (_store.ActivePolicy() is not { } active)
            throw new RunException("this run has no recorded policy (it was made by an older Ratchet); start a new run with --state <new folder>.");
        var loaded = PolicyLoader.Parse(active.Canonical, active.Source);
        if (!loaded.Succeeded)
            throw new RunException($"the run's stored policy (version {active.Version}) no longer loads:\n{loaded.Format()}\nApply a valid one with `ratchet policy apply <task> FILE`.");
        var policy = loaded.Policy!;
        if (_options.Policy is { } offered && offered.Hash != active.Hash)
        {
            _observer.Line($"note: {offered.Source} differs from this run's active policy (version {active.Version}, sha256 {active.Hash[..12]}); " +
                "the run keeps its active policy. To change it, use `ratchet policy apply <task> FILE` (recorded in the ledger).");
        }
        var oversight = new RunOversight(_task, policy, active.Version);
        oversight.Rebuild(_store.ReadLedger());
        return oversight;
    }

    private void CreateRun(Policy policy)
    {
        var root = ProgramSnapshot.Read(_task);
        _run = new RunRecord(_task.Name, _protected.TaskHash, (long)_options.Seed, Workers, _proposer.Name,
            ConfigJson((long)_options.Seed), RunState.Running, null, 1, 0, Ledger.CanonicalJson.From(SandboxDescription()), _store.Now());
        _store.Write(tx =>
        {
            Store.CreateRun(tx, _run);
            tx.Execute("INSERT OR REPLACE INTO meta(key, value) VALUES ($k, $v)",
                ("$k", ProtectedFilesMetaKey), ("$v", JsonSerializer.Serialize(ProtectedHashes(_protected), Json.Options)));
            Store.ApplyPolicy(tx, policy.Source, policy.Preset, policy.Canonical, policy.Hash, "run start");
            tx.Append("run-started", new
            {
                task = _task.Name,
                task_hash = _protected.TaskHash,
                program_files = _task.Program.Files,
                objective = new { metric = _task.Objective.Metric, direction = _task.Objective.Direction.ToString().ToLowerInvariant(), repeats = _task.Objective.Repeats },
                isolation = _task.WeakerIsolation ? "weaker: [evaluate] runs candidate and scorer in one sandbox" : "run and score in separate sandboxes",
                sandbox = SandboxDescription(),
                policy = new { source = policy.Source, preset = policy.Preset, hash = policy.Hash },
                seed = _options.Seed,
                workers = Workers,
                worker_cpus = WorkerCpus(),
                proposer = _proposer.Name,
                limit = _limits.Evaluations is { } l ? new { value = l.Value, source = l.Source } : null,
                ledger_key = _store.Key.Fingerprint,
            });
            Store.InsertCandidate(tx, new NewCandidate(root.Id, 0, 0, "initial", null, "initial", null, root.Files, TextDiff.Unified(new Dictionary<string, string>(), root.Files)));
            tx.Append("proposal", new { candidate = root.Id, seq = 0, label = "initial", @operator = "initial" });
        });
        _root = new CandidateView(root.Id, root, null, null);
        _lineage[root.Id] = root.Id;
        _queue.AddLast(new QueueItem(0, root.Id, root, null, "initial", null));
        _nextSeq = 1;
        _counted = 1;
        _proposalsMade = 1;
        _observer.Line($"run started: task {_task.Name}, sandbox {_sandbox.Info.Mode}, policy {policy.Preset}, {Workers} worker(s){(_workerCpus is null ? "" : $" on CPUs {string.Join(" | ", WorkerCpus()!)}")}, seed {_options.Seed}");
    }

    private void CheckSameTask()
    {
        if (_protected.TaskHash == _run.TaskHash)
            return;
        var storedJson = _store.Scalar<string>("SELECT value FROM meta WHERE key = $k", ("$k", ProtectedFilesMetaKey));
        var stored = storedJson is null ? new Dictionary<string, string>() : JsonSerializer.Deserialize<Dictionary<string, string>>(storedJson, Json.Options)!;
        var current = ProtectedHashes(_protected);
        var changed = current.Keys.Union(stored.Keys)
            .Where(p => !current.TryGetValue(p, out var now) || !stored.TryGetValue(p, out var then) || now != then)
            .Order(StringComparer.Ordinal).ToArray();
        throw new RunException(
            $"the task's protected files changed since this run started ({string.Join(", ", changed.Take(5))}{(changed.Length > 5 ? ", ..." : "")}); " +
            "Ratchet does not mix results measured under different rules. Restore those files, or start a new run with --state <new folder>.");
    }

    /// <summary>Replays every decision into the proposer, reloads the undecided candidates in order, and restores a hold
    /// (an unanswered or unapplied approval request, or a deferral).</summary>
    private void Rebuild()
    {
        foreach (var candidate in _store.Candidates())
        {
            _counted++;
            _nextSeq = candidate.Seq + 1;
            _cpuSeconds += candidate.CpuSeconds;
            _sandboxRuns += candidate.SandboxRuns;
            if (candidate.Outcome is { } outcome)
                _outcomes[outcome.ToWire()] = _outcomes.GetValueOrDefault(outcome.ToWire()) + 1;
            var program = _store.LoadProgram(candidate.Id);
            _lineage[candidate.Id] = candidate.Parent is null || candidate.Parent == _root?.Id || !_lineage.TryGetValue(candidate.Parent, out var lineage)
                ? candidate.Id
                : lineage;
            if (candidate.Seq == 0)
                _root = new CandidateView(candidate.Id, program, candidate.Score, candidate.Metrics);
            if (!candidate.IsDecided)
            {
                var item = new QueueItem(candidate.Seq, candidate.Id, program, candidate.Parent, candidate.Operator, _champion?.Score)
                {
                    Verdicts = candidate.Verdicts,
                    Report = candidate.IsEvaluated ? ReportOf(candidate) : null,
                };
                _queue.AddLast(item);
                continue;
            }
            var view = new CandidateView(candidate.Id, program, candidate.Outcome == Outcome.Ok ? candidate.Score : null, candidate.Metrics);
            if (candidate.Promoted)
            {
                _champion = view;
                _championHoldout = candidate.HoldoutScore;
                _championRepeats = candidate.RepeatScores.Count > 0 ? candidate.RepeatScores : candidate.Score is { } s ? [s] : [];
            }
            _proposer.Observe(new Decision(candidate.Seq, view, candidate.Parent, candidate.Operator,
                candidate.Outcome ?? Outcome.Rejected, candidate.Promoted, _champion?.Score));
        }
        foreach (var approval in _store.AllApprovals().Where(a => !a.Applied))
        {
            var headSeq = _queue.First?.Value.Seq;
            var seq = approval.Kind == "tripwire" ? (long?)null : headSeq;
            var until = approval.Kind == "deferral" && approval.Deadline is { } d ? DateTimeOffset.Parse(d, System.Globalization.CultureInfo.InvariantCulture) : (DateTimeOffset?)null;
            _hold = new Hold(approval.Id, approval.Kind, seq, until);
            break;
        }
    }

    private static EvaluationReport ReportOf(CandidateRecord candidate) => new()
    {
        Outcome = candidate.Outcome!.Value,
        Reasons = candidate.Reasons,
        Score = candidate.Score,
        Metrics = candidate.Metrics,
        RepeatScores = candidate.RepeatScores,
        Holdout = candidate.Holdout,
        Resources = candidate.Resources ?? Sandbox.ResourceUsage.Zero,
        Artifacts = candidate.Artifacts ?? Artifacts.Empty,
        Checked = candidate.Checks?.Checked ?? false,
        OutputsHash = candidate.Checks?.OutputsHash,
        Reproduction = candidate.Checks?.Reproduction,
        DeterminismRerun = candidate.Checks?.DeterminismRerun,
        Invariants = candidate.Checks?.Invariants ?? [],
    };

    private static SortedDictionary<string, string> ProtectedHashes(ProtectedFiles files) =>
        new(files.Files.ToDictionary(f => f.Key, f => $"{f.Value.Kind}:{f.Value.Sha256}{f.Value.LinkTarget}"), StringComparer.Ordinal);

    private string ConfigJson(long seed) => Ledger.CanonicalJson.From(new
    {
        workers = Workers,
        evaluations = _options.Evaluations,
        limit = _limits?.Evaluations?.Value,
        limit_source = _limits?.Evaluations?.Source,
        horizon = _horizon ??= _limits?.Evaluations?.Value,
        seed,
        proposer = _proposer.Name,
        replay = _options.ReplayPath,
        improver = _options.ImproverPath,
    });

    /// <summary>The promotion rule's horizon (comparisons it guards), fixed when the run is created.</summary>
    private long? _horizon;

    /// <summary>Each worker's CPUs in the kernel's notation (e.g. ["0", "1"]), or null (left out of the event) when
    /// sandboxes are not pinned per worker; in the run-started and run-resumed events, as it can differ from one resume
    /// to the next.</summary>
    private string[]? WorkerCpus() => _workerCpus?.Select(cpus => CpuList.Format(cpus)).ToArray();

    private object SandboxDescription() => new
    {
        mode = _sandbox.Info.Mode,
        version = _sandbox.Info.Version,
        cgroup = _sandbox.Info.Cgroup,
        warnings = _sandbox.Info.Warnings,
        unsafe_no_sandbox = _options.UnsafeNoSandbox,
    };
}
