namespace Ratchet.Cli;

/// <summary>The documented exit codes of <c>ratchet</c> (docs/cli.md).</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>The command ran and found a problem: the ledger does not verify, an attack escaped.</summary>
    public const int Failed = 1;

    /// <summary>The input is wrong: a bad task file, an unknown id, a missing file, a bad option.</summary>
    public const int UsageError = 2;

    /// <summary>The environment stops the command: no bubblewrap, the run lock is held, the state folder is unreadable.</summary>
    public const int Environment = 3;

    /// <summary>Interrupted by Ctrl-C or SIGTERM; the run stopped cleanly and resumes with the same command.</summary>
    public const int Interrupted = 130;
}
