namespace Ratchet.Sandbox.Execution;

/// <summary>The facts a termination is decided from.</summary>
/// <param name="CommandStatus">The command's exit status as reported by bwrap (128+n after signal n), or the
/// launched process's own status without bwrap; null when bwrap never reported one.</param>
/// <param name="CommandStarted">False when bwrap failed before it could exec the command.</param>
internal sealed record RunFacts(
    RunObservation Observation,
    SandboxLimits Limits,
    int? CommandStatus,
    bool CommandStarted,
    string? ResultsRefusal,
    bool ResultsFull);

/// <summary>A decided termination with its evidence.</summary>
internal sealed record Verdict(Termination Termination, int? ExitCode, int? Signal, string? Detail);
