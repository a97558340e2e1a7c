namespace Ratchet.Proposers.Builtin.Genome;

/// <summary>The adaptive operator choice (<c>[bandit]</c>): discounted Thompson sampling over "produced an
/// improvement over its parent" (reward 1) and "produced an ok candidate" (up to <see cref="RewardOk"/>, less the
/// worse the child is than its parent), with priors set by the operator weights.</summary>
public sealed record BanditSettings
{
    /// <summary>Weight kept by old evidence per decision (default 0.99, 0.5 to 1; 1 never forgets).</summary>
    public double Discount { get; init; } = 0.99;

    /// <summary>Pseudo-observations in each operator's Beta prior, whose mean the operator weights set (default 4, 0.01 to 1000).</summary>
    public double PriorStrength { get; init; } = 4;

    /// <summary>Reward for an ok candidate that does not improve on its parent (default 0.1, 0 to 1).</summary>
    public double RewardOk { get; init; } = 0.1;

    /// <summary>Relative loss against the parent's score at which an ok child's reward has fallen linearly from
    /// <see cref="RewardOk"/> to 0 (default 0.05, 0 to 10; 0 gives every ok child <see cref="RewardOk"/>), so an
    /// operator whose children are much worse stops looking as good as one whose children are neutral.</summary>
    public double WorseTolerance { get; init; } = 0.05;

    /// <summary>Chance of a uniform choice among enabled operators instead of the bandit's (default 0.05, 0 to 1).</summary>
    public double Epsilon { get; init; } = 0.05;
}
