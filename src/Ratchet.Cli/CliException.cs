namespace Ratchet.Cli;

/// <summary>A user-facing failure: printed as "error: message" (never a stack trace) with <see cref="ExitCode"/>.</summary>
public sealed class CliException(string message, int exitCode = ExitCodes.UsageError) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
