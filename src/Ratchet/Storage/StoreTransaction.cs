using Microsoft.Data.Sqlite;
using Ratchet.Ledger;

namespace Ratchet.Storage;

/// <summary>One open write transaction: state changes plus the ledger events that describe them.</summary>
public sealed class StoreTransaction
{
    private readonly Store _store;
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly LedgerHasher _hasher;
    private readonly TimeProvider _time;

    internal StoreTransaction(Store store, SqliteConnection connection, SqliteTransaction transaction, LedgerHasher hasher, TimeProvider time)
    {
        _store = store;
        _connection = connection;
        _transaction = transaction;
        _hasher = hasher;
        _time = time;
    }

    /// <summary>The last entry appended in this transaction.</summary>
    public LedgerEntry? LastEntry { get; private set; }

    public string Now() => Store.Timestamp(_time.GetUtcNow());

    /// <summary>Appends a ledger event; <paramref name="payload"/> is serialized as canonical JSON.</summary>
    public LedgerEntry Append(string type, object payload)
    {
        long seq;
        string prev;
        if (LastEntry is { } last)
        {
            (seq, prev) = (last.Seq + 1, last.Hash);
        }
        else
        {
            // Read the tail inside the transaction: other processes (approve, pause) append too.
            using var reader = Prepared("SELECT seq, hash FROM ledger ORDER BY seq DESC LIMIT 1").ExecuteReader();
            (seq, prev) = reader.Read() ? (reader.GetInt64(0) + 1, reader.GetString(1)) : (1L, LedgerHasher.GenesisHash);
        }
        var entry = _hasher.Seal(seq, Now(), type, CanonicalJson.From(payload), prev);
        var insert = Prepared("INSERT INTO ledger(seq, time, type, payload, prev, hash) VALUES ($seq, $time, $type, $payload, $prev, $hash)");
        insert.Parameters.AddWithValue("$seq", entry.Seq);
        insert.Parameters.AddWithValue("$time", entry.Time);
        insert.Parameters.AddWithValue("$type", entry.Type);
        insert.Parameters.AddWithValue("$payload", entry.Payload);
        insert.Parameters.AddWithValue("$prev", entry.PrevHash);
        insert.Parameters.AddWithValue("$hash", entry.Hash);
        insert.ExecuteNonQuery();
        LastEntry = entry;
        return entry;
    }

    internal SqliteCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        return command;
    }

    /// <summary>A prepared command of the store's, in this transaction (see <see cref="Store.Prepared"/>).</summary>
    internal SqliteCommand Prepared(string sql) => _store.Prepared(sql, _transaction);

    internal int Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = Prepared(sql);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command.ExecuteNonQuery();
    }
}
