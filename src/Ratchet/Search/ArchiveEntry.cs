using Ratchet.Tasks;

namespace Ratchet.Search;

/// <summary>An elite: an ok candidate held in one cell of one island's grid.</summary>
/// <param name="CandidateId">Program id.</param>
/// <param name="Program">The program files.</param>
/// <param name="Score">Visible objective value.</param>
/// <param name="Metrics">The scorer's visible metrics JSON, if any.</param>
/// <param name="Island">The island holding this copy.</param>
/// <param name="Cell">Row-major cell index in the island's grid.</param>
/// <param name="Index">Proposal index of the decision that produced the candidate.</param>
public sealed record ArchiveEntry(string CandidateId, ProgramSnapshot Program, double Score, string? Metrics, int Island, long Cell, long Index);
