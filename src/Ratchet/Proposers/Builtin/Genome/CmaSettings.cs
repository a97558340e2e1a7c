namespace Ratchet.Proposers.Builtin.Genome;

/// <summary>The joint literal move (<c>[cma]</c>): a (1+1)-CMA-ES around the parent's literal vector, with rank-one and
/// rank-mu covariance updates from successful proposals and success-rule step control.</summary>
public sealed record CmaSettings
{
    /// <summary>First global step, relative to each literal's scale (default 0.05, 1e-6 to 10).</summary>
    public double InitialStep { get; init; } = 0.05;

    /// <summary>Whether integer literals join the joint move, rounded (default true): a program's integers (epochs,
    /// batch sizes, step counts) often need to change together with its floats.</summary>
    public bool Integers { get; init; } = true;

    /// <summary>Fewest literals for the mode to apply (default 2, 1 to 4096).</summary>
    public int MinDimensions { get; init; } = 2;

    /// <summary>Most literals for the mode to apply (default 256, 1 to 4096; cost grows with the cube).</summary>
    public int MaxDimensions { get; init; } = 256;

    /// <summary>Target success rate of the step control (default 0.18, 0.01 to 0.9).</summary>
    public double SuccessRate { get; init; } = 0.18;

    /// <summary>Multiplier on the step control's standard damping 1 + n/2 (default 1, 0.05 to 10): below 1 the step
    /// grows and shrinks faster, so a step grown while the start was easy to improve falls sooner once it is not.</summary>
    public double Damping { get; init; } = 1;

    /// <summary>Multiplier on the standard covariance learning rates (default 1, 0 to 4; 0 keeps the covariance fixed).</summary>
    public double LearningRate { get; init; } = 1;

    /// <summary>Successful steps pooled for one rank-mu update (default 8, 1 to 256).</summary>
    public int RankMuPool { get; init; } = 8;
}
