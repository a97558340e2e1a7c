using Ratchet.Ledger;

namespace Ratchet.Storage;

public sealed partial class Store
{
    /// <summary>Ledger entries in sequence order, streamed.</summary>
    public IEnumerable<LedgerEntry> ReadLedger(long fromSeq = 1)
    {
        using var command = Command("SELECT seq, time, type, payload, prev, hash FROM ledger WHERE seq >= $from ORDER BY seq");
        command.Parameters.AddWithValue("$from", fromSeq);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return new LedgerEntry(reader.GetInt64(0), reader.GetString(1), reader.GetString(2),
                reader.GetString(3), reader.GetString(4), reader.GetString(5));
        }
    }

    public long LedgerCount() => Scalar<long?>("SELECT max(seq) FROM ledger") ?? 0;

    /// <summary>Verifies the whole chain against the key and the head kept outside the database.</summary>
    public VerifyResult VerifyLedger() => new LedgerVerifier(Key.Bytes).Verify(ReadLedger(), Head.Read());
}
