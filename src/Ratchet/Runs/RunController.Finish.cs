using Ratchet.Storage;

namespace Ratchet.Runs;

public sealed partial class RunController
{
    private RunSummary Finish(string reason) => End(RunState.Finished, "run-finished", reason);

    private RunSummary Stop(string reason) => End(RunState.Stopped, "run-stopped", reason);

    /// <summary>Another process stopped the run (<c>ratchet stop</c> already recorded it); keep the wall time and report.</summary>
    private RunSummary Stopped(string reason)
    {
        _store.Write(tx => PersistWall(tx));
        _observer.Line($"run stopped: {reason}");
        return Summary(RunState.Stopped, reason);
    }

    private RunSummary End(RunState state, string eventType, string reason)
    {
        _store.Write(tx =>
        {
            PersistWall(tx);
            Store.SetRunState(tx, state, reason);
            tx.Append(eventType, new
            {
                reason,
                evaluations = _counted,
                pending = _queue.Count,
                best = _champion is { } c ? new { id = c.Id, score = c.Score } : null,
                outcomes = _outcomes,
                sandbox_runs = _sandboxRuns,
                cpu_seconds = Math.Round(_cpuSeconds, 3),
                wall_seconds = Math.Round(WallSeconds, 3),
            });
        });
        _observer.Line($"run {state.ToWire()}: {reason}");
        return Summary(state, reason);
    }

    private RunSummary Summary(RunState state, string? reason)
    {
        return new RunSummary
        {
            State = state,
            EndedReason = reason,
            Evaluations = _counted,
            Pending = _queue.Count,
            EvaluationLimit = _limits.Evaluations?.Value,
            BestId = _champion?.Id,
            BestScore = _champion?.Score,
            Outcomes = new SortedDictionary<string, long>(_outcomes, StringComparer.Ordinal),
            SandboxRuns = _sandboxRuns,
            CpuSeconds = _cpuSeconds,
            WallSeconds = WallSeconds,
        };
    }
}
