namespace Ratchet.Proposers.Builtin.Genome;

/// <summary>Prior weights of the mutation operators (<c>[operators]</c>): the bandit's prior mean reward of each
/// operator is 0.5 × weight / (largest weight), so evidence soon outweighs them; a weight of 0 switches the operator
/// off. Each is 0 to 100.</summary>
public sealed record OperatorWeights
{
    /// <summary>Move one number literal by its own adapted step (default 1.5).</summary>
    public double Literal { get; init; } = 1.5;

    /// <summary>Move all number literals together with an adapted covariance, CMA-ES style (default 1.5).</summary>
    public double Cma { get; init; } = 1.5;

    /// <summary>Delete one line (default 0.5).</summary>
    public double LineDelete { get; init; } = 0.5;

    /// <summary>Duplicate one line (default 0.5).</summary>
    public double LineDuplicate { get; init; } = 0.5;

    /// <summary>Swap two nearby lines of the same indent (default 0.5).</summary>
    public double LineSwap { get; init; } = 0.5;

    /// <summary>Move one line to a nearby place of the same indent (default 0.5).</summary>
    public double LineMove { get; init; } = 0.5;

    /// <summary>Replace a binary operator by another of its group: comparisons, arithmetic, logic (default 1).</summary>
    public double OperatorSwap { get; init; } = 1;

    /// <summary>Flip a boolean literal (default 0.5).</summary>
    public double BooleanFlip { get; init; } = 0.5;

    /// <summary>Mix the evolve regions of two elites (default 1).</summary>
    public double Crossover { get; init; } = 1;

    /// <summary>The weights in <see cref="MutationKinds.All"/> order.</summary>
    internal double[] InOrder() =>
        [Literal, Cma, LineDelete, LineDuplicate, LineSwap, LineMove, OperatorSwap, BooleanFlip, Crossover];
}
