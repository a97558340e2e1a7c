namespace Ratchet.Sandbox.Execution;

/// <summary>Why Ratchet itself killed a sandboxed tree.</summary>
internal enum KillReason
{
    Cancelled,
    WallTimeout,
    CpuLimit,
    OutputLimit,
    OutOfMemory,
    ProcessLimit,
}
