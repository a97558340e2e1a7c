using System.Diagnostics;
using Ratchet.Evaluation;
using Ratchet.Proposers;
using Ratchet.Runs.Oversight;
using Ratchet.Sandbox;
using Ratchet.Storage;
using Ratchet.Tasks;

namespace Ratchet.Runs;

/// <summary>The loop. It owns nothing but the order of steps: propose, check, evaluate (in parallel), decide (strictly
/// in proposal order) under the policy, and commit every step with its ledger event. Proposal k+lookahead is made right
/// after decision k, so a run's result depends on its seed and lookahead (and on human answers), never on timing.</summary>
public sealed partial class RunController
{
    private readonly TaskSpec _task;
    private readonly Store _store;
    private readonly ISandbox _sandbox;
    private readonly IProposer _proposer;
    private readonly RunOptions _options;
    private readonly IRunObserver _observer;
    private readonly TimeProvider _time;
    private readonly Evaluator _evaluator;
    private readonly ProposalIntake _intake;
    private readonly LinkedList<QueueItem> _queue = new();
    private readonly Dictionary<string, string> _lineage = new(StringComparer.Ordinal);
    private readonly Stopwatch _wall = new();
    private readonly SortedDictionary<string, long> _outcomes = new(StringComparer.Ordinal);

    private RunRecord _run = null!;
    private BudgetLimits _limits = null!;
    private ProtectedFiles _protected = null!;
    private RunOversight _oversight = null!;
    private CandidateView? _champion;
    private double? _championHoldout;
    private IReadOnlyList<double> _championRepeats = [];
    private Promotion.PromotionRule _promotion = null!;
    private CandidateView _root = null!;
    private long _nextSeq;
    private long _proposalsMade;
    private long _counted;
    private double _cpuSeconds;
    private long _sandboxRuns;
    private double _wallBefore;
    private double _wallPersisted;
    private string? _proposingStopped;
    private Hold? _hold;

    /// <summary>The loop's poll-interval wake-up, shared by its turns until it fires: a new timer per turn (one or more
    /// per evaluation) woke the runtime's timer thread for each of them, for nothing.</summary>
    private Task? _pollTick;
    private long _startedWhileWaiting;
    private CancellationTokenSource _evaluations = new();
    private CancellationTokenSource? _evaluationsLinked;
    private CancellationToken _runToken;

    public RunController(TaskSpec task, Store store, ISandbox sandbox, IProposer proposer, RunOptions options,
        IRunObserver? observer = null, TimeProvider? time = null)
    {
        _task = task;
        _store = store;
        _sandbox = sandbox;
        _proposer = proposer;
        _options = options;
        _observer = observer ?? NullRunObserver.Instance;
        _time = time ?? TimeProvider.System;
        _evaluator = new Evaluator(task, sandbox);
        _intake = new ProposalIntake(task);
        _workerCpus = options.PinWorkers ? CpuList.PerWorker(sandbox.Info.Cpus ?? CpuList.Allowed(), Workers) : null;
    }

    private int Workers => Math.Max(1, _options.Workers);

    /// <summary>Each worker slot's CPUs, or null when sandboxes are not pinned per worker.</summary>
    private readonly IReadOnlyList<IReadOnlyList<int>>? _workerCpus;

    private double WallSeconds => _wallBefore + _wall.Elapsed.TotalSeconds;

    /// <summary>Runs (or resumes) the loop until the budget is spent, the proposer runs out, a human stops it, or
    /// <paramref name="cancellationToken"/> fires (Ctrl-C).</summary>
    public async Task<RunSummary> RunAsync(CancellationToken cancellationToken)
    {
        using var runLock = RunLock.TryAcquire(_store.Directory, TimeSpan.FromSeconds(2))
            ?? throw new RunException($"another `ratchet run` holds {Path.Combine(_store.Directory, RunLock.FileName)}: wait for it to finish, or stop it with `ratchet stop`.");
        _wall.Start();
        _runToken = cancellationToken;
        var resumed = Setup();
        if (resumed is false)
        {
            _observer.Line($"nothing to do: {_proposingStopped}");
            return Summary(_run.State, _run.EndedReason);
        }
        try
        {
            // The initial program (or what a resume reloaded) starts now; the first proposals are made while it runs.
            StartEvaluations();
            var stopped = await LoopAsync(cancellationToken);
            if (stopped is not null)
                return Stopped(stopped);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await AbandonEvaluationsAsync();
            return Stop("interrupted by the user (Ctrl-C or SIGTERM); `ratchet run` resumes");
        }
        catch
        {
            await AbandonEvaluationsAsync();
            throw;
        }
        return Finish(_proposingStopped ?? "nothing left to evaluate");
    }

    /// <summary>Runs until the queue is empty; returns the reason when a human stopped the run.</summary>
    private async Task<string?> LoopAsync(CancellationToken ct)
    {
        while (true)
        {
            if (await ControlAsync(ct) is { } stop)
                return stop;
            // What is queued already (the initial program, candidates reloaded on a resume) starts before more are
            // proposed: making, auditing and committing a proposal need not delay it.
            StartEvaluations();
            await FillAsync(ct);
            StartEvaluations();
            await DecideReadyAsync(ct);
            // A decision frees a place in the queue: propose and start now, not after the poll interval below (with
            // one worker that wait was most of an evaluation's cost).
            await FillAsync(ct);
            StartEvaluations();
            if (_queue.Count == 0 && _hold is null)
            {
                // A decision (or an answer) may have let new proposals in; the run ends only when none can come.
                await FillAsync(ct);
                if (_queue.Count == 0)
                    return null;
                continue;
            }
            _store.Flush();
            // Wake on the first finished evaluation, or after the poll interval to read requests from other processes.
            var waits = _queue.Where(i => i.Running is not null && i.Report is null).Select(i => (Task)i.Running!).ToList();
            if (_queue.First?.Value.Confirming is { } confirming)
                waits.Add(confirming);
            if (_pollTick is not { IsCompleted: false })
                _pollTick = Task.Delay(_options.ControlPollInterval, _time, ct);
            waits.Add(_pollTick);
            await Task.WhenAny(waits);
            ct.ThrowIfCancellationRequested();
            await CollectAsync();
        }
    }

    /// <summary>Stores every finished evaluation; an evaluation cancelled by a pause goes back to the queue.</summary>
    private async Task CollectAsync()
    {
        foreach (var item in _queue)
        {
            if (item.Report is not null || item.Running is not { IsCompleted: true } done)
                continue;
            if (done.IsCanceled || (done.Exception?.InnerException is OperationCanceledException))
            {
                item.Running = null;
                continue;
            }
            if (done.IsFaulted)
            {
                await AbandonEvaluationsAsync();
                var error = done.Exception!.InnerException ?? done.Exception;
                throw new RunException($"Ratchet could not evaluate candidate #{item.Seq} ({item.Id[..12]}): {error.Message}. " +
                    "The candidate stays pending; fix the cause and run again to resume.");
            }
            RecordEvaluation(item, await done);
        }
    }

    private void StartEvaluations()
    {
        if (_hold is { BlocksEvaluations: true })
        {
            _sandbox.ReleaseIdle();
            return;
        }
        var running = _queue.Count(i => i.Running is not null && i.Report is null);
        foreach (var item in _queue)
        {
            if (running >= Workers)
                break;
            if (item.Running is not null || item.Report is not null)
                continue;
            var championScore = item.ChampionScoreAtProposal;
            var request = new EvaluationRequest((ulong)_run.Seed, _task.Objective.Repeats,
                WouldPromote: score => championScore is null || _task.Objective.Improves(score, championScore.Value),
                Checks: _oversight.Checks);
            if (_workerCpus is not null)
            {
                // The lowest slot no evaluation in flight holds: a finished sandbox's CPUs are free at once.
                item.Slot = Enumerable.Range(0, Workers).First(slot => !_queue.Any(other => other.Slot == slot && other.Running is { IsCompleted: false }));
                request = request with { Cpus = _workerCpus[item.Slot] };
            }
            var program = item.Program;
            var token = EvaluationToken;
            item.Running = Task.Run(() => _evaluator.EvaluateAsync(program, request, token), token);
            running++;
        }
    }

    /// <summary>Kills every in-flight sandbox and waits for it to go; their candidates stay pending.</summary>
    private async Task AbandonEvaluationsAsync()
    {
        await _evaluations.CancelAsync();
        _sandbox.ReleaseIdle();
        if (_queue.First?.Value is { Confirming: { } confirming } head)
        {
            try
            {
                await confirming;
            }
            catch (Exception)
            {
                // Cancelled with the rest; the round is measured again (same seeds) when the run goes on.
            }
            head.Confirming = null;
        }
        foreach (var item in _queue)
        {
            if (item.Running is { } task && item.Report is null)
            {
                try
                {
                    await task;
                }
                catch (OperationCanceledException)
                {
                }
                catch (Exception)
                {
                    // The loop is leaving anyway; the candidate stays pending and is evaluated again on resume.
                }
                item.Running = null;
            }
        }
        _evaluationsLinked?.Dispose();
        _evaluationsLinked = null;
        _evaluations.Dispose();
        _evaluations = new CancellationTokenSource();
    }

    /// <summary>Cancelled with the run or when the evaluations in flight are abandoned (a pause, a stop): one linked
    /// source per generation of <see cref="_evaluations"/>, not one per evaluation (each of those would stay
    /// registered on the run's token until the run ends).</summary>
    private CancellationToken EvaluationToken =>
        (_evaluationsLinked ??= CancellationTokenSource.CreateLinkedTokenSource(_runToken, _evaluations.Token)).Token;
}
