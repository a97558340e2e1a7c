using Ratchet.Common;

namespace Ratchet.Evaluation;

/// <summary>How to assess one candidate.</summary>
/// <param name="Seed">The run seed; repeat r runs with a seed derived from it and r, the same for every candidate
/// (paired comparisons), and the holdout runs with repeat 0's seed so the seed does not tell it apart.</param>
/// <param name="Repeats">Visible measurements.</param>
/// <param name="RunHoldout">Decides from the visible score whether the sealed holdout is measured too.</param>
public sealed record EvaluationRequest(ulong Seed, int Repeats, Func<double, bool>? RunHoldout = null)
{
    /// <summary>The seed of visible repeat <paramref name="repeat"/>.</summary>
    public ulong SeedOf(int repeat) => Seeds.Derive(Seed, "repeat", (ulong)repeat);
}
