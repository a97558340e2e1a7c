namespace Ratchet.Proposers.Builtin.Genome;

/// <summary>The adaptive operator choice (<c>[bandit]</c>): discounted Thompson sampling over "produced an
/// improvement over its parent" (reward 1) and "produced an ok candidate" (reward <see cref="RewardOk"/>), with
/// priors set by the operator weights.</summary>
public sealed record BanditSettings
{
    /// <summary>Weight kept by old evidence per decision (default 0.99, 0.5 to 1; 1 never forgets).</summary>
    public double Discount { get; init; } = 0.99;

    /// <summary>Pseudo-observations in each operator's Beta prior, whose mean the operator weights set (default 4, 0.01 to 1000).</summary>
    public double PriorStrength { get; init; } = 4;

    /// <summary>Reward for an ok candidate that does not improve on its parent (default 0.1, 0 to 1).</summary>
    public double RewardOk { get; init; } = 0.1;

    /// <summary>Chance of a uniform choice among enabled operators instead of the bandit's (default 0.05, 0 to 1).</summary>
    public double Epsilon { get; init; } = 0.05;
}
