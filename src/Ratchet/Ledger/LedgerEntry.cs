namespace Ratchet.Ledger;

/// <summary>One ledger event. <see cref="Hash"/> is an HMAC over every other field.</summary>
/// <param name="Seq">1-based, consecutive.</param>
/// <param name="Time">UTC time, ISO 8601 with milliseconds, as stored.</param>
/// <param name="Type">Event type, e.g. "run-started", "promotion".</param>
/// <param name="Payload">Canonical JSON text.</param>
/// <param name="PrevHash">Hash of the entry before (64 zeros for the first).</param>
/// <param name="Hash">HMAC-SHA-256 of (seq, time, type, payload, prev hash) under the ledger key, hex.</param>
public sealed record LedgerEntry(long Seq, string Time, string Type, string Payload, string PrevHash, string Hash);
