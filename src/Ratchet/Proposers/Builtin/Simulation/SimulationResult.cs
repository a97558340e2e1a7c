using Ratchet.Tasks;

namespace Ratchet.Proposers.Builtin.Simulation;

/// <summary>The course of a simulated run.</summary>
/// <param name="BestSoFar">The champion's score after each decision (root excluded); NaN while there is none.</param>
/// <param name="Champion">The final champion.</param>
/// <param name="ChampionScore">Its score (NaN when nothing was ever ok).</param>
/// <param name="Proposals">Proposals made, duplicates included.</param>
/// <param name="Duplicates">Proposals skipped because their program was already known.</param>
/// <param name="OperatorCounts">Decisions per operator.</param>
/// <param name="Promotions">Promotions per operator.</param>
/// <param name="Decisions">Every decision in order, the root first: replaying them rebuilds a proposer's state.</param>
public sealed record SimulationResult(
    IReadOnlyList<double> BestSoFar,
    ProgramSnapshot Champion,
    double ChampionScore,
    long Proposals,
    long Duplicates,
    IReadOnlyDictionary<string, int> OperatorCounts,
    IReadOnlyDictionary<string, int> Promotions,
    IReadOnlyList<Decision> Decisions);
