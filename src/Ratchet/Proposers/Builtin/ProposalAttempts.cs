using Ratchet.Search;
using Ratchet.Tasks;

namespace Ratchet.Proposers.Builtin;

/// <summary>The retry loop both built-in proposers share: each attempt draws from its own seed derived from the
/// proposal's seed; the first child the controller does not know wins; a known child is the fallback (the controller
/// skips it at no cost); while no valid child has turned up at all, it keeps trying up to four times as long.</summary>
internal static class ProposalAttempts
{
    /// <param name="context">The proposal's context (seed and known programs).</param>
    /// <param name="attempts">Attempts before settling for the fallback.</param>
    /// <param name="attempt">One attempt: a proposal and its child program, or null when this attempt found nothing valid.</param>
    public static Proposal? Run(ProposalContext context, int attempts, Func<SearchRandom, int, (Proposal Proposal, ProgramSnapshot Child)?> attempt)
    {
        Proposal? fallback = null;
        for (var i = 0; i < attempts * (fallback is null ? 4 : 1); i++)
        {
            if (attempt(new SearchRandom(SearchRandom.Derive(context.Seed, (ulong)i)), i) is not { } found)
                continue;
            if (!context.IsKnown(found.Child.Id))
                return found.Proposal;
            fallback ??= found.Proposal;
        }
        return fallback;
    }
}
