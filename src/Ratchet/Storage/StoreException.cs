namespace Ratchet.Storage;

/// <summary>A problem with the state folder the user must fix; the message names the fix.</summary>
public sealed class StoreException(string message) : Exception(message);
