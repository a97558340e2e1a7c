using Ratchet.Common;
using Ratchet.Tasks;

namespace Ratchet.Evaluation;

/// <summary>How to assess one candidate.</summary>
/// <param name="Seed">The run seed; repeat r runs with a seed derived from it and r, the same for every candidate
/// (paired comparisons), and the holdout runs with repeat 0's seed so the seed does not tell it apart.</param>
/// <param name="Repeats">Visible measurements.</param>
/// <param name="WouldPromote">Decides from the visible score whether the candidate could become champion; only then are
/// the sealed holdout and the promotion checks measured (they cost sandbox runs). Null: always.</param>
/// <param name="Checks">Extra measurements auditors need for a would-be champion.</param>
public sealed record EvaluationRequest(ulong Seed, int Repeats, Func<double, bool>? WouldPromote = null, PromotionChecks? Checks = null)
{
    /// <summary>CPUs every sandbox of this assessment is pinned to (the worker's share, <see
    /// cref="Sandbox.CpuList.PerWorker"/>); null: the sandbox's own setting.</summary>
    public IReadOnlyList<int>? Cpus { get; init; }

    /// <summary>The seed of visible repeat <paramref name="repeat"/>.</summary>
    public ulong SeedOf(int repeat) => Seeds.Derive(Seed, "repeat", (ulong)repeat);

    /// <summary>The seed of the reproduction re-run: different from every visible repeat's.</summary>
    public ulong ReproductionSeed => Seeds.Derive(Seed, "reproduce", 0);
}

/// <summary>Measurements auditors ask for before a promotion (from the policy and the task).</summary>
/// <param name="Reproduce">Re-run run and score in a fresh sandbox with a different seed (reproducibility auditor).</param>
/// <param name="DeterministicRerun">Re-run the run with the same seed and compare its results (stateful-behaviour auditor).</param>
/// <param name="Invariants">The task's invariant commands, run against the first visible run's results.</param>
public sealed record PromotionChecks(bool Reproduce, bool DeterministicRerun, IReadOnlyList<InvariantSpec> Invariants)
{
    /// <summary>How many same-seed re-runs <see cref="DeterministicRerun"/> makes; the check stops at the first that differs.</summary>
    public int DeterministicReruns { get; init; } = 1;

    public static PromotionChecks None { get; } = new(false, false, []);
}
