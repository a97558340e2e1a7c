using Ratchet.Evaluation;
using Ratchet.Search;
using Ratchet.Tasks;

namespace Ratchet.Proposers.Builtin.Simulation;

/// <summary>Runs a proposer against an in-process objective, without a sandbox, in the run controller's order:
/// the root is decision 0; proposals are made <c>workers</c> ahead of decisions; a known program is skipped and the
/// next index asked for at once; a candidate is promoted when it beats the champion. For benchmarks of the search
/// itself, and for tests of the whole propose/observe loop.</summary>
public static class ProposerSimulator
{
    /// <param name="proposer">A fresh proposer.</param>
    /// <param name="task">The task (its objective's direction and minimum gain decide promotions).</param>
    /// <param name="root">The initial program.</param>
    /// <param name="objective">Scores a program; null means it "crashed".</param>
    /// <param name="decisions">Decisions to make after the root.</param>
    /// <param name="workers">Pipeline depth: proposals in flight.</param>
    /// <param name="runSeed">Seed from which each proposal's seed is derived.</param>
    public static async Task<SimulationResult> RunAsync(
        IProposer proposer, TaskSpec task, ProgramSnapshot root, Func<ProgramSnapshot, SimulatedScore?> objective,
        int decisions, int workers = 1, ulong runSeed = 0, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decisions);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workers);
        var run = new SimulatedRun(task, objective);
        proposer.Observe(run.Decide(0, root, parentId: null, "initial"));
        var pending = new Queue<(long Index, Proposal Proposal, ProgramSnapshot Program)>();
        var next = 1L;
        var exhausted = false;
        async Task FillAsync()
        {
            while (!exhausted && pending.Count < workers)
            {
                var index = next++;
                var context = new ProposalContext(index, SearchRandom.Derive(runSeed, (ulong)index), run.Champion, task, run.IsKnown);
                var proposal = await proposer.ProposeAsync(context, cancellationToken).ConfigureAwait(false);
                if (proposal is null)
                {
                    exhausted = true;
                    return;
                }
                run.Proposals++;
                var program = run.Apply(proposal);
                if (!run.Remember(program))
                {
                    run.Duplicates++;
                    continue;
                }
                pending.Enqueue((index, proposal, program));
            }
        }
        await FillAsync().ConfigureAwait(false);
        for (var made = 0; made < decisions && pending.Count > 0; made++)
        {
            var (index, proposal, program) = pending.Dequeue();
            var parentId = proposal.ParentId ?? run.Champion.Id;
            proposer.Observe(run.Decide(index, program, parentId, proposal.Operator));
            await FillAsync().ConfigureAwait(false);
        }
        return run.Result();
    }
}
