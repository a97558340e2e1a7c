namespace Ratchet.Runs;

/// <summary>A run cannot start or go on for a reason the user must fix; the message names the fix.</summary>
public sealed class RunException(string message) : Exception(message);
