namespace Ratchet.Ledger;

/// <summary>A problem with the ledger's key or files that the user must fix; the message names the fix.</summary>
public sealed class LedgerException(string message) : Exception(message);
