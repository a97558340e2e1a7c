namespace Ratchet.Proposers.Builtin.Genome;

/// <summary>Single-literal mutation with a per-literal step adapted by the 1/5th success rule (<c>[literal]</c>).
/// Steps are relative to a literal's scale, max(|value|, <see cref="ZeroScale"/>).</summary>
public sealed record LiteralSettings
{
    /// <summary>First step of a literal, relative to its scale (default 0.1, 1e-6 to 10).</summary>
    public double InitialStep { get; init; } = 0.1;

    /// <summary>The scale assumed for a literal near zero (default 0.1, 1e-9 to 1e6).</summary>
    public double ZeroScale { get; init; } = 0.1;

    /// <summary>Smallest relative step (default 1e-6, 1e-12 to 1; below <see cref="MaxStep"/>).</summary>
    public double MinStep { get; init; } = 1e-6;

    /// <summary>Largest relative step (default 10, 1e-3 to 1000).</summary>
    public double MaxStep { get; init; } = 10;

    /// <summary>Success rate the step aims for: 0.2 is the 1/5th rule (default 0.2, 0.01 to 0.9).</summary>
    public double SuccessRate { get; init; } = 0.2;

    /// <summary>Log-factor a success grows the step by; a failure shrinks it by Adapt·rate/(1−rate) (default 0.5, 0 to 5; 0 freezes steps).</summary>
    public double Adapt { get; init; } = 0.5;

    /// <summary>Spread of each move's step around the adapted one: the step is multiplied by e^(spread·N(0,1)), so
    /// rugged objectives still see occasional large moves (default 0.7, 0 to 3; 0 uses the adapted step exactly).</summary>
    public double StepSpread { get; init; } = 0.7;

    /// <summary>Chance a literal move takes every literal on the chosen literal's line along, each by its own step
    /// (default 0.3, 0 to 1).</summary>
    public double SameLine { get; init; } = 0.3;

    /// <summary>Most significant digits a rewritten float gets (default 8, 1 to 17); fewer are used when the step allows.</summary>
    public int MaxDigits { get; init; } = 8;

    /// <summary>Whether an integer literal may be rewritten as a float (default false).</summary>
    public bool IntToFloat { get; init; }
}
