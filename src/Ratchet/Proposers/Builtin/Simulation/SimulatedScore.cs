namespace Ratchet.Proposers.Builtin.Simulation;

/// <summary>What an in-process objective says about a program: its visible score and, optionally, metrics JSON.</summary>
public sealed record SimulatedScore(double Score, string? Metrics = null);
