using System.Diagnostics;
using Ratchet.Evaluation;
using Ratchet.Proposers;
using Ratchet.Sandbox;
using Ratchet.Storage;
using Ratchet.Tasks;

namespace Ratchet.Runs;

/// <summary>The loop. It owns nothing but the order of steps: propose, check, evaluate (in parallel), decide (strictly
/// in proposal order), and commit every step with its ledger event. Proposal k+lookahead is made right after decision
/// k, so a run's result depends on its seed and lookahead, never on timing.</summary>
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
    private readonly Stopwatch _wall = new();

    private RunRecord _run = null!;
    private BudgetLimits _limits = null!;
    private ProtectedFiles _protected = null!;
    private CandidateView? _champion;
    private CandidateView _root = null!;
    private long _nextSeq;
    private long _proposalsMade;
    private long _counted;
    private double _cpuSeconds;
    private long _sandboxRuns;
    private readonly SortedDictionary<string, long> _outcomes = new(StringComparer.Ordinal);
    private double _wallBefore;
    private double _wallPersisted;
    private string? _proposingStopped;

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
    }

    private int Workers => Math.Max(1, _options.Workers);

    private double WallSeconds => _wallBefore + _wall.Elapsed.TotalSeconds;

    /// <summary>Runs (or resumes) the loop until the budget is spent, the proposer runs out, or <paramref name="cancellationToken"/> fires.</summary>
    public async Task<RunSummary> RunAsync(CancellationToken cancellationToken)
    {
        using var runLock = RunLock.TryAcquire(_store.Directory, TimeSpan.FromSeconds(2))
            ?? throw new RunException($"another `ratchet run` holds {Path.Combine(_store.Directory, RunLock.FileName)}: wait for it to finish, or stop it with `ratchet stop`.");
        _wall.Start();
        var resumed = Setup();
        if (resumed is false && _queue.Count == 0 && _proposingStopped is not null)
        {
            _observer.Line($"nothing to do: {_proposingStopped}");
            return Summary(_run.State, _run.EndedReason);
        }
        try
        {
            await FillAsync(cancellationToken);
            await LoopAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await DrainAsync();
            return Stop("interrupted by the user (Ctrl-C or SIGTERM); `ratchet run` resumes");
        }
        return Finish(_proposingStopped ?? "nothing left to evaluate");
    }

    private async Task LoopAsync(CancellationToken ct)
    {
        while (_queue.Count > 0)
        {
            StartEvaluations(ct);
            var head = _queue.First!.Value;
            if (head.Report is not null)
            {
                await DecideReadyAsync(ct);
                continue;
            }
            var running = _queue.Where(i => i.Running is not null && i.Report is null).Select(i => i.Running!).ToArray();
            await Task.WhenAny(running);
            foreach (var item in _queue)
            {
                if (item.Report is null && item.Running is { IsCompleted: true } done)
                    RecordEvaluation(item, await done);
            }
            await DecideReadyAsync(ct);
        }
    }

    private void StartEvaluations(CancellationToken ct)
    {
        var running = _queue.Count(i => i.Running is not null && i.Report is null);
        foreach (var item in _queue)
        {
            if (running >= Workers)
                break;
            if (item.Running is not null || item.Report is not null)
                continue;
            var championScore = item.ChampionScoreAtProposal;
            var request = new EvaluationRequest((ulong)_run.Seed, _task.Objective.Repeats,
                RunHoldout: score => championScore is null || _task.Objective.Improves(score, championScore.Value));
            var program = item.Program;
            item.Running = Task.Run(() => _evaluator.EvaluateAsync(program, request, ct), ct);
            running++;
        }
    }

    /// <summary>Lets in-flight evaluations observe the cancellation, so no sandbox outlives the loop.</summary>
    private async Task DrainAsync()
    {
        foreach (var item in _queue)
        {
            if (item.Running is { } task)
            {
                try
                {
                    await task;
                }
                catch (OperationCanceledException)
                {
                }
            }
        }
    }
}
