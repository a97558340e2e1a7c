using Microsoft.Data.Sqlite;
using Ratchet.Runs;

namespace Ratchet.Storage;

public sealed partial class Store
{
    /// <summary>The run of this state folder, or null before the first <c>ratchet run</c>.</summary>
    public RunRecord? GetRun()
    {
        using var command = Command("""
            SELECT task_name, task_hash, seed, lookahead, proposer, config, state, ended_reason, proposals_made,
                   wall_seconds, sandbox, created FROM run WHERE id = 1
            """);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
            return null;
        return new RunRecord(
            reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt32(3), reader.GetString(4),
            reader.GetString(5), RunStateNames.Parse(reader.GetString(6)), reader.IsDBNull(7) ? null : reader.GetString(7),
            reader.GetInt64(8), reader.GetDouble(9), reader.GetString(10), reader.GetString(11));
    }

    public static void CreateRun(StoreTransaction tx, RunRecord run) => tx.Execute("""
        INSERT INTO run(id, task_name, task_hash, seed, lookahead, proposer, config, state, ended_reason, proposals_made,
                        wall_seconds, sandbox, created)
        VALUES (1, $name, $hash, $seed, $lookahead, $proposer, $config, $state, $ended, $made, $wall, $sandbox, $created)
        """,
        ("$name", run.TaskName), ("$hash", run.TaskHash), ("$seed", run.Seed), ("$lookahead", run.Lookahead),
        ("$proposer", run.Proposer), ("$config", run.Config), ("$state", run.State.ToWire()), ("$ended", run.EndedReason),
        ("$made", run.ProposalsMade), ("$wall", run.WallSeconds), ("$sandbox", run.Sandbox), ("$created", run.Created));

    public static void SetRunState(StoreTransaction tx, RunState state, string? endedReason = null) =>
        tx.Execute("UPDATE run SET state = $state, ended_reason = $ended WHERE id = 1",
            ("$state", state.ToWire()), ("$ended", endedReason));

    public static void SetProposalsMade(StoreTransaction tx, long made) =>
        tx.Execute("UPDATE run SET proposals_made = $made WHERE id = 1", ("$made", made));

    public static void AddWallSeconds(StoreTransaction tx, double seconds) =>
        tx.Execute("UPDATE run SET wall_seconds = wall_seconds + $s WHERE id = 1", ("$s", seconds));

    public static void UpdateRunConfig(StoreTransaction tx, string config, string sandbox) =>
        tx.Execute("UPDATE run SET config = $config, sandbox = $sandbox WHERE id = 1", ("$config", config), ("$sandbox", sandbox));

    /// <summary>Reads one scalar.</summary>
    internal T? Scalar<T>(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = Prepared(sql);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        var result = command.ExecuteScalar();
        return result is null or DBNull ? default : (T)Convert.ChangeType(result, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    internal static object? Value(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetValue(ordinal);
}
