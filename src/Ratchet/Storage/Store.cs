using Microsoft.Data.Sqlite;
using Ratchet.Ledger;

namespace Ratchet.Storage;

/// <summary>The run's durable state in one SQLite file (WAL). Every state change commits in one transaction
/// together with its ledger event, so a crash at any instant loses nothing and duplicates nothing.</summary>
public sealed partial class Store : IDisposable
{
    public const string DatabaseFileName = "ratchet.db";

    private readonly SqliteConnection _connection;
    private readonly TimeProvider _time;
    // Made on the first write: readers such as `status` never hash, and starting the crypto library costs them time.
    private readonly Lazy<LedgerHasher> _hasher;
    private readonly List<Action<StoreTransaction>> _deferred = [];
    // The statements a run executes for every evaluation, prepared once: SQLite parses and plans a statement each
    // time a new command runs it. Only used from the thread that owns the connection, like the connection itself.
    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);
    // The transaction of the Write under way: a read made inside it (a plain new command joins it by itself) must run in it.
    private SqliteTransaction? _writing;

    private Store(SqliteConnection connection, string directory, string storeId, LedgerKey key, HeadFile head, TimeProvider time)
    {
        _connection = connection;
        Directory = directory;
        StoreId = storeId;
        Key = key;
        Head = head;
        _time = time;
        _hasher = new Lazy<LedgerHasher>(() => new LedgerHasher(key.Bytes), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The state folder (by default <c>&lt;task&gt;/.ratchet</c>).</summary>
    public string Directory { get; }

    public string DatabasePath => Path.Combine(Directory, DatabaseFileName);

    /// <summary>Random id of this store, also the name of its head file.</summary>
    public string StoreId { get; }

    public LedgerKey Key { get; }

    public HeadFile Head { get; }

    /// <summary>True when a store (database file) exists in <paramref name="stateDirectory"/>.</summary>
    public static bool Exists(string stateDirectory) => File.Exists(Path.Combine(stateDirectory, DatabaseFileName));

    /// <summary>Opens the store in <paramref name="stateDirectory"/>, creating it (and the ledger key) when absent.</summary>
    public static Store Open(string stateDirectory, RatchetHome home, TimeProvider? time = null, bool create = true)
    {
        var directory = Path.GetFullPath(stateDirectory);
        if (!create && !Exists(directory))
            throw new StoreException($"no Ratchet state in {directory}: nothing has run here yet. Start with `ratchet run <task>` (or pass the --state folder the run used).");
        System.IO.Directory.CreateDirectory(directory);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(directory, DatabaseFileName),
            Mode = create ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON;");
        string storeId;
        if (create)
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            CheckSchema(connection, transaction, directory);
            Execute(connection, Schema.Create, transaction);
            storeId = ReadMeta(connection, "store_id", transaction) ?? CreateMeta(connection, transaction);
            transaction.Commit();
        }
        else
        {
            // Readers (status, show, log, approve, ...) never take the write lock just to open.
            using var transaction = connection.BeginTransaction(deferred: true);
            CheckSchema(connection, transaction, directory);
            storeId = ReadMeta(connection, "store_id", transaction)
                ?? throw new StoreException($"{Path.Combine(directory, DatabaseFileName)} holds no Ratchet store id; it is not a Ratchet state folder, or it is damaged. Keep it for the record and start a new run with --state <new folder>.");
        }
        var key = LedgerKey.LoadOrCreate(home);
        return new Store(connection, directory, storeId, key, new HeadFile(home, storeId), time ?? TimeProvider.System);
    }

    /// <summary>Loads SQLite on the calling thread (the native library, its provider, the connection-string parser and
    /// the statement types) with a throw-away in-memory database. Commands call this on a second core at start-up, so
    /// that opening the store later finds it loaded: about 30 ms of a `status` that takes 150.</summary>
    public static void WarmUp()
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = ":memory:", Pooling = false }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA foreign_keys=ON;");
        using var transaction = connection.BeginTransaction(deferred: true);
        ReadMetaIfPresent(connection, transaction, "store_id");
    }

    /// <summary>Runs <paramref name="work"/> in one IMMEDIATE transaction; ledger events appended inside it commit with it.
    /// Work handed to <see cref="Defer"/> runs first, in the same transaction.</summary>
    public T Write<T>(Func<StoreTransaction, T> work)
    {
        using var transaction = _connection.BeginTransaction(deferred: false);
        var tx = new StoreTransaction(this, _connection, transaction, _hasher.Value, _time);
        T result;
        _writing = transaction;
        try
        {
            foreach (var deferred in _deferred)
                deferred(tx);
            result = work(tx);
            transaction.Commit();
        }
        finally
        {
            _writing = null;
        }
        _deferred.Clear();
        if (tx.LastEntry is { } last)
            Head.Advance(last.Seq, last.Hash);
        return result;
    }

    /// <summary>Queues <paramref name="work"/> to open this process's next write transaction, in order, so that two
    /// changes that follow each other at once commit together. Until then it is not durable: a caller must only defer
    /// what may be lost and done again (an evaluation not yet decided), and <see cref="Flush"/> before it waits.</summary>
    public void Defer(Action<StoreTransaction> work) => _deferred.Add(work);

    /// <summary>Commits deferred work now, if there is any.</summary>
    public void Flush()
    {
        if (_deferred.Count > 0)
            Write(_ => { });
    }

    public void Write(Action<StoreTransaction> work) => Write<object?>(tx =>
    {
        work(tx);
        return null;
    });

    /// <summary>Current UTC time in the store's timestamp format.</summary>
    public string Now() => Timestamp(_time.GetUtcNow());

    internal static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);

    internal SqliteCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    /// <summary>A command for <paramref name="sql"/> kept prepared across calls, with no parameters bound yet, in
    /// <paramref name="transaction"/> or else in the write transaction under way, if any. The caller must not dispose
    /// it, nor keep a reader of it open past its next use.</summary>
    internal SqliteCommand Prepared(string sql, SqliteTransaction? transaction = null)
    {
        transaction ??= _writing;
        if (!_prepared.TryGetValue(sql, out var command))
        {
            command = Command(sql);
            _prepared[sql] = command;
        }

        command.Transaction = transaction;
        command.Parameters.Clear();
        return command;
    }

    public void Dispose()
    {
        foreach (var command in _prepared.Values)
            command.Dispose();
        _prepared.Clear();
        if (_hasher.IsValueCreated)
            _hasher.Value.Dispose();
        _connection.Close();
        _connection.Dispose();
    }

    private static string CreateMeta(SqliteConnection connection, SqliteTransaction transaction)
    {
        var id = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO meta(key, value) VALUES ('store_id', $id), ('schema', $schema)";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$schema", Schema.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        command.ExecuteNonQuery();
        return id;
    }

    private static void CheckSchema(SqliteConnection connection, SqliteTransaction transaction, string directory)
    {
        var schema = ReadMetaIfPresent(connection, transaction, "schema");
        if (schema is null || schema == Schema.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))
            return;
        connection.Dispose();
        throw new StoreException($"the state in {directory} was written by a Ratchet with store schema {schema}; this Ratchet uses schema {Schema.Version} " +
            "and does not migrate it. Keep that folder for its record (its ledger still verifies with the Ratchet that wrote it), and start a new run with --state <new folder>.");
    }

    private static string? ReadMetaIfPresent(SqliteConnection connection, SqliteTransaction transaction, string key)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'";
        return (long)command.ExecuteScalar()! == 0 ? null : ReadMeta(connection, key, transaction);
    }

    private static string? ReadMeta(SqliteConnection connection, string key, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT value FROM meta WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        return command.ExecuteScalar() as string;
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
