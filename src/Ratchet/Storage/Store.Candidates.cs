using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Ratchet.Evaluation;
using Ratchet.Sandbox;
using Ratchet.Tasks;

using Ratchet.Common;

namespace Ratchet.Storage;

public sealed partial class Store
{
    private const string CandidateColumns = """
        id, seq, proposal_index, label, parent, operator, meta, diff, length, status, outcome, score, metrics,
        holdout_score, holdout, reasons, promoted, resources, artifacts, sandbox_runs, cpu_seconds, proposed_at,
        evaluated_at, decided_at, repeat_scores, verdicts, checks
        """;

    /// <summary>Stores a pending candidate and its files (content-addressed blobs).</summary>
    public static void InsertCandidate(StoreTransaction tx, NewCandidate candidate)
    {
        var fileMap = new SortedDictionary<string, string>(StringComparer.Ordinal);
        long length = 0;
        foreach (var (path, content) in candidate.Files)
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
            tx.Execute("INSERT OR IGNORE INTO blobs(hash, content) VALUES ($h, $c)", ("$h", hash), ("$c", content));
            fileMap[path] = hash;
            length += Encoding.UTF8.GetByteCount(content);
        }
        tx.Execute("""
            INSERT INTO candidates(id, seq, proposal_index, label, parent, operator, meta, files, diff, length, status, proposed_at)
            VALUES ($id, $seq, $pi, $label, $parent, $op, $meta, $files, $diff, $length, 'pending', $at)
            """,
            ("$id", candidate.Id), ("$seq", candidate.Seq), ("$pi", candidate.ProposalIndex), ("$label", candidate.Label),
            ("$parent", candidate.Parent), ("$op", candidate.Operator),
            ("$meta", candidate.Meta is null ? null : JsonSerializer.Serialize(candidate.Meta, Json.Options)),
            ("$files", JsonSerializer.Serialize(fileMap, Json.Options)), ("$diff", candidate.Diff), ("$length", length),
            ("$at", tx.Now()));
    }

    /// <summary>Stores an assessment on a pending candidate.</summary>
    public static void RecordEvaluation(StoreTransaction tx, string id, EvaluationReport report) => tx.Execute("""
        UPDATE candidates SET outcome = $outcome, score = $score, metrics = $metrics, repeat_scores = $repeats, holdout_score = $hscore, checks = $checks,
            holdout = $holdout, reasons = $reasons, resources = $resources, artifacts = $artifacts,
            sandbox_runs = sandbox_runs + $runs, cpu_seconds = cpu_seconds + $cpu, evaluated_at = $at
        WHERE id = $id
        """,
        ("$id", id), ("$outcome", report.Outcome.ToWire()), ("$score", report.Score), ("$metrics", report.Metrics),
        ("$repeats", JsonSerializer.Serialize(report.RepeatScores, Json.Options)),
        ("$checks", JsonSerializer.Serialize(EvaluationChecks.Of(report), Json.Options)),
        ("$hscore", report.Holdout?.Score),
        ("$holdout", report.Holdout is null ? null : JsonSerializer.Serialize(report.Holdout, Json.Options)),
        ("$reasons", JsonSerializer.Serialize(report.Reasons, Json.Options)),
        ("$resources", JsonSerializer.Serialize(report.Resources, Json.Options)),
        ("$artifacts", JsonSerializer.Serialize(report.Artifacts, Json.Options)),
        ("$runs", report.SandboxRuns), ("$cpu", report.CpuSeconds), ("$at", tx.Now()));

    /// <summary>Adds sandbox runs and CPU seconds spent for a candidate after its assessment (a confirmation round).</summary>
    public static void AddCost(StoreTransaction tx, string id, int sandboxRuns, double cpuSeconds) => tx.Execute(
        "UPDATE candidates SET sandbox_runs = sandbox_runs + $r, cpu_seconds = cpu_seconds + $c WHERE id = $id",
        ("$id", id), ("$r", sandboxRuns), ("$c", cpuSeconds));

    /// <summary>Applies a decision: the new status, extra reasons, and (when promoted) a new champion.</summary>
    public static void RecordDecision(StoreTransaction tx, string id, CandidateStatus status, IReadOnlyList<string> extraReasons)
    {
        if (extraReasons.Count > 0)
        {
            using var read = tx.Command("SELECT reasons FROM candidates WHERE id = $id");
            read.Parameters.AddWithValue("$id", id);
            var existing = JsonSerializer.Deserialize<List<string>>((string)read.ExecuteScalar()!, Json.Options) ?? [];
            existing.AddRange(extraReasons);
            tx.Execute("UPDATE candidates SET reasons = $r WHERE id = $id", ("$id", id), ("$r", JsonSerializer.Serialize(existing, Json.Options)));
        }
        tx.Execute("UPDATE candidates SET status = $status, decided_at = $at WHERE id = $id",
            ("$id", id), ("$status", status.ToWire()), ("$at", tx.Now()));
    }

    /// <summary>Makes <paramref name="id"/> the champion; the previous champion becomes accepted.</summary>
    public static void Promote(StoreTransaction tx, string id, long seq, double? score)
    {
        tx.Execute("UPDATE candidates SET status = 'accepted' WHERE status = 'champion'");
        tx.Execute("UPDATE candidates SET status = 'champion', promoted = 1, decided_at = $at WHERE id = $id", ("$id", id), ("$at", tx.Now()));
        tx.Execute("INSERT INTO champions(candidate, seq, score, at) VALUES ($id, $seq, $score, $at)",
            ("$id", id), ("$seq", seq), ("$score", score), ("$at", tx.Now()));
    }

    public CandidateRecord? GetCandidate(string id)
    {
        using var command = Command($"SELECT {CandidateColumns} FROM candidates WHERE id = $id");
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadCandidate(reader) : null;
    }

    /// <summary>Resolves a unique id prefix (at least 4 hex characters) or a sequence number like <c>#12</c>.</summary>
    public IReadOnlyList<string> FindCandidateIds(string idOrPrefix)
    {
        if (idOrPrefix.StartsWith('#') && long.TryParse(idOrPrefix[1..], out var seq))
        {
            var byseq = Scalar<string>("SELECT id FROM candidates WHERE seq = $s", ("$s", seq));
            return byseq is null ? [] : [byseq];
        }
        using var command = Command("SELECT id FROM candidates WHERE id >= $p AND id < $end ORDER BY id LIMIT 5");
        var prefix = idOrPrefix.ToLowerInvariant();
        command.Parameters.AddWithValue("$p", prefix);
        command.Parameters.AddWithValue("$end", prefix + "\uffff");
        using var reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
            ids.Add(reader.GetString(0));
        return ids;
    }

    /// <summary>All candidates in decision order, streamed.</summary>
    public IEnumerable<CandidateRecord> Candidates(long fromSeq = 0)
    {
        using var command = Command($"SELECT {CandidateColumns} FROM candidates WHERE seq >= $from ORDER BY seq");
        command.Parameters.AddWithValue("$from", fromSeq);
        using var reader = command.ExecuteReader();
        while (reader.Read())
            yield return ReadCandidate(reader);
    }

    /// <summary>True when a program with this id was already proposed in this run.</summary>
    public bool HasCandidate(string id) => Scalar<long>("SELECT count(*) FROM candidates WHERE id = $id", ("$id", id)) > 0;

    /// <summary>Candidates in the store (kept by a trigger, so O(1) at any size).</summary>
    public long CandidateCount() => (long)Counter("candidates");

    public ProgramSnapshot LoadProgram(string id)
    {
        var files = Scalar<string>("SELECT files FROM candidates WHERE id = $id", ("$id", id))
            ?? throw new StoreException($"candidate {id} is not in the store");
        var map = JsonSerializer.Deserialize<Dictionary<string, string>>(files, Json.Options)!;
        var contents = new List<KeyValuePair<string, string>>(map.Count);
        foreach (var (path, hash) in map)
        {
            var content = Scalar<string>("SELECT content FROM blobs WHERE hash = $h", ("$h", hash))
                ?? throw new StoreException($"the content of {path} of candidate {id} is missing from the store (blob {hash})");
            contents.Add(KeyValuePair.Create(path, content));
        }
        return new ProgramSnapshot(contents);
    }

    /// <summary>The champion, or null when none was promoted.</summary>
    public CandidateRecord? Champion()
    {
        var id = Scalar<string>("SELECT candidate FROM champions ORDER BY n DESC LIMIT 1");
        return id is null ? null : GetCandidate(id);
    }

    /// <summary>The champion's id, score, label and position, read without decoding the candidate's JSON columns.</summary>
    public (string Id, double? Score, string Label, long Seq)? ChampionSummary()
    {
        using var command = Command("""
            SELECT c.id, c.score, c.label, c.seq FROM champions h JOIN candidates c ON c.id = h.candidate ORDER BY h.n DESC LIMIT 1
            """);
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetDouble(1), reader.GetString(2), reader.GetInt64(3)) : null;
    }

    /// <summary>Champions in promotion order (the lineage of the best).</summary>
    public IReadOnlyList<(string Candidate, long Seq, double? Score, string At)> ChampionHistory()
    {
        using var command = Command("SELECT candidate, seq, score, at FROM champions ORDER BY n");
        using var reader = command.ExecuteReader();
        var list = new List<(string, long, double?, string)>();
        while (reader.Read())
            list.Add((reader.GetString(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetDouble(2), reader.GetString(3)));
        return list;
    }

    /// <summary>Counts per outcome over assessed candidates (from trigger-kept counters).</summary>
    public IReadOnlyDictionary<string, long> OutcomeCounts() => Counters("outcome:");

    /// <summary>Counts per status (from trigger-kept counters).</summary>
    public IReadOnlyDictionary<string, long> StatusCounts() => Counters("status:");

    /// <summary>Sandbox runs and CPU seconds over all assessments.</summary>
    public (long SandboxRuns, double CpuSeconds) ComputeTotals() => ((long)Counter("sandbox_runs"), Counter("cpu_seconds"));

    private double Counter(string name) => Scalar<double?>("SELECT value FROM counters WHERE name = $n", ("$n", name)) ?? 0;

    private SortedDictionary<string, long> Counters(string prefix)
    {
        using var command = Command("SELECT name, value FROM counters WHERE name >= $p AND name < $end AND value > 0");
        command.Parameters.AddWithValue("$p", prefix);
        command.Parameters.AddWithValue("$end", prefix + "\uffff");
        using var reader = command.ExecuteReader();
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        while (reader.Read())
            counts[reader.GetString(0)[prefix.Length..]] = (long)reader.GetDouble(1);
        return counts;
    }

    private static CandidateRecord ReadCandidate(SqliteDataReader r) => new()
    {
        Id = r.GetString(0),
        Seq = r.GetInt64(1),
        ProposalIndex = r.GetInt64(2),
        Label = r.GetString(3),
        Parent = r.IsDBNull(4) ? null : r.GetString(4),
        Operator = r.GetString(5),
        Meta = r.IsDBNull(6) ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(r.GetString(6), Json.Options),
        Diff = r.GetString(7),
        Length = r.GetInt64(8),
        Status = CandidateStatusNames.Parse(r.GetString(9)),
        Outcome = r.IsDBNull(10) ? null : OutcomeNames.Parse(r.GetString(10)),
        Score = r.IsDBNull(11) ? null : r.GetDouble(11),
        Metrics = r.IsDBNull(12) ? null : r.GetString(12),
        HoldoutScore = r.IsDBNull(13) ? null : r.GetDouble(13),
        Holdout = r.IsDBNull(14) ? null : JsonSerializer.Deserialize<HoldoutReport>(r.GetString(14), Json.Options),
        Reasons = JsonSerializer.Deserialize<List<string>>(r.GetString(15), Json.Options) ?? [],
        Promoted = r.GetInt64(16) != 0,
        Resources = r.IsDBNull(17) ? null : JsonSerializer.Deserialize<ResourceUsage>(r.GetString(17), Json.Options),
        Artifacts = r.IsDBNull(18) ? null : JsonSerializer.Deserialize<Artifacts>(r.GetString(18), Json.Options),
        SandboxRuns = r.GetInt32(19),
        CpuSeconds = r.GetDouble(20),
        ProposedAt = r.GetString(21),
        EvaluatedAt = r.IsDBNull(22) ? null : r.GetString(22),
        DecidedAt = r.IsDBNull(23) ? null : r.GetString(23),
        RepeatScores = r.IsDBNull(24) ? [] : JsonSerializer.Deserialize<List<double>>(r.GetString(24), Json.Options) ?? [],
        Verdicts = JsonSerializer.Deserialize<List<Oversight.AuditVerdict>>(r.GetString(25), Json.Options) ?? [],
        Checks = r.IsDBNull(26) ? null : JsonSerializer.Deserialize<EvaluationChecks>(r.GetString(26), Json.Options),
    };
}
