using System.Text.Json;
using Microsoft.Data.Sqlite;
using Ratchet.Common;

namespace Ratchet.Storage;

public sealed partial class Store
{
    /// <summary>Opens an approval request; returns its id.</summary>
    public static long RequestApproval(StoreTransaction tx, string? candidate, string kind, IReadOnlyList<string> reasons, string? deadline)
    {
        using var command = tx.Command("""
            INSERT INTO approvals(candidate, kind, reasons, requested_at, deadline, state)
            VALUES ($c, $k, $r, $at, $d, 'open') RETURNING id
            """);
        command.Parameters.AddWithValue("$c", (object?)candidate ?? DBNull.Value);
        command.Parameters.AddWithValue("$k", kind);
        command.Parameters.AddWithValue("$r", JsonSerializer.Serialize(reasons, Json.Options));
        command.Parameters.AddWithValue("$at", tx.Now());
        command.Parameters.AddWithValue("$d", (object?)deadline ?? DBNull.Value);
        var id = (long)command.ExecuteScalar()!;
        Bump(tx, "approvals:requested");
        return id;
    }

    /// <summary>Answers an open approval (approve, reject or expire); false when it was not open.</summary>
    public static bool AnswerApproval(StoreTransaction tx, long id, string state, string by, string? note)
    {
        var changed = tx.Execute("""
            UPDATE approvals SET state = $s, decided_by = $by, decided_at = $at, note = $note WHERE id = $id AND state = 'open'
            """, ("$id", id), ("$s", state), ("$by", by), ("$at", tx.Now()), ("$note", note)) == 1;
        if (changed)
            Bump(tx, "approvals:" + state);
        return changed;
    }

    /// <summary>Marks an answered approval as acted upon by the run.</summary>
    public static void MarkApplied(StoreTransaction tx, long id) =>
        tx.Execute("UPDATE approvals SET applied = 1 WHERE id = $id", ("$id", id));

    public ApprovalRecord? GetApproval(long id) => Approvals("WHERE id = $id", ("$id", id)).FirstOrDefault();

    /// <summary>Requests still waiting for a human, oldest first.</summary>
    public IReadOnlyList<ApprovalRecord> OpenApprovals() => Approvals("WHERE state = 'open' ORDER BY id");

    /// <summary>Requests answered (or expired) that the run has not acted on yet.</summary>
    public IReadOnlyList<ApprovalRecord> UnappliedAnswers() => Approvals("WHERE state <> 'open' AND applied = 0 ORDER BY id");

    public IReadOnlyList<ApprovalRecord> AllApprovals() => Approvals("ORDER BY id");

    /// <summary>Adds <paramref name="delta"/> to a named counter in the same transaction.</summary>
    public static void Bump(StoreTransaction tx, string name, double delta = 1) => tx.Execute("""
        INSERT INTO counters(name, value) VALUES ($n, $d) ON CONFLICT(name) DO UPDATE SET value = value + excluded.value
        """, ("$n", name), ("$d", delta));

    /// <summary>Counters whose names start with <paramref name="prefix"/> (prefix removed), e.g. "audit:".</summary>
    public IReadOnlyDictionary<string, long> CountersWithPrefix(string prefix) => Counters(prefix);

    /// <summary>Records the verdicts on a candidate (all of them, pass included).</summary>
    public static void RecordVerdicts(StoreTransaction tx, string id, string verdictsJson) =>
        tx.Execute("UPDATE candidates SET verdicts = $v WHERE id = $id", ("$id", id), ("$v", verdictsJson));

    /// <summary>Stores a policy as the run's active one (a new version); returns the version.</summary>
    public static long ApplyPolicy(StoreTransaction tx, string source, string preset, string canonical, string hash, string by)
    {
        using var command = tx.Command("""
            INSERT INTO policies(version, source, preset, canonical, hash, applied_at, applied_by)
            VALUES ((SELECT coalesce(max(version), 0) + 1 FROM policies), $s, $p, $c, $h, $at, $by) RETURNING version
            """);
        command.Parameters.AddWithValue("$s", source);
        command.Parameters.AddWithValue("$p", preset);
        command.Parameters.AddWithValue("$c", canonical);
        command.Parameters.AddWithValue("$h", hash);
        command.Parameters.AddWithValue("$at", tx.Now());
        command.Parameters.AddWithValue("$by", by);
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>The active policy (latest version), or null before the run recorded one.</summary>
    public (long Version, string Source, string Canonical, string Hash)? ActivePolicy()
    {
        using var command = Command("SELECT version, source, canonical, hash FROM policies ORDER BY version DESC LIMIT 1");
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)) : null;
    }

    public long PolicyVersion() => Scalar<long?>("SELECT max(version) FROM policies") ?? 0;

    private long? _dataVersion;

    /// <summary>True when another connection (another process: pause, stop, approve, policy apply) has committed since
    /// the last call, and on the first call. SQLite's data_version ignores this connection's own commits.</summary>
    public bool ChangedElsewhere()
    {
        var version = Scalar<long>("PRAGMA data_version");
        var changed = version != _dataVersion;
        _dataVersion = version;
        return changed;
    }

    /// <summary>The run's stored state word, read fresh (other processes change it: pause, resume, stop).</summary>
    public string? RunStateWord() => Scalar<string>("SELECT state FROM run WHERE id = 1");

    /// <summary>Sets the run's state only when it currently is <paramref name="expected"/> (compare-and-set: another
    /// process may have paused or stopped it meanwhile). True when it changed.</summary>
    public static bool SetRunStateIf(StoreTransaction tx, string expected, string state) =>
        tx.Execute("UPDATE run SET state = $s WHERE id = 1 AND state = $e", ("$s", state), ("$e", expected)) == 1;

    private List<ApprovalRecord> Approvals(string where, params (string Name, object? Value)[] parameters)
    {
        using var command = Command($"SELECT id, candidate, kind, reasons, requested_at, deadline, state, decided_by, decided_at, note, applied FROM approvals {where}");
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        var list = new List<ApprovalRecord>();
        while (reader.Read())
        {
            list.Add(new ApprovalRecord(reader.GetInt64(0), Text(reader, 1), reader.GetString(2),
                JsonSerializer.Deserialize<List<string>>(reader.GetString(3), Json.Options) ?? [], reader.GetString(4), Text(reader, 5),
                reader.GetString(6), Text(reader, 7), Text(reader, 8), Text(reader, 9), reader.GetInt64(10) != 0));
        }
        return list;
    }

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
