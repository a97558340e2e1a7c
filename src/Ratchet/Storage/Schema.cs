namespace Ratchet.Storage;

/// <summary>The SQLite schema. One run per state folder; candidates are content-addressed by program id.</summary>
internal static class Schema
{
    public const int Version = 2;

    public const string Create = """
        CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
        CREATE TABLE IF NOT EXISTS run(
            id INTEGER PRIMARY KEY CHECK (id = 1),
            task_name TEXT NOT NULL,
            task_hash TEXT NOT NULL,
            seed INTEGER NOT NULL,
            lookahead INTEGER NOT NULL,
            proposer TEXT NOT NULL,
            config TEXT NOT NULL,
            state TEXT NOT NULL,
            ended_reason TEXT,
            proposals_made INTEGER NOT NULL DEFAULT 0,
            wall_seconds REAL NOT NULL DEFAULT 0,
            sandbox TEXT NOT NULL,
            created TEXT NOT NULL) STRICT;
        CREATE TABLE IF NOT EXISTS blobs(hash TEXT PRIMARY KEY, content TEXT NOT NULL) STRICT;
        CREATE TABLE IF NOT EXISTS candidates(
            id TEXT PRIMARY KEY,
            seq INTEGER NOT NULL UNIQUE,
            proposal_index INTEGER NOT NULL,
            label TEXT NOT NULL,
            parent TEXT,
            operator TEXT NOT NULL,
            meta TEXT,
            files TEXT NOT NULL,
            diff TEXT NOT NULL,
            length INTEGER NOT NULL,
            status TEXT NOT NULL,
            outcome TEXT,
            score REAL,
            metrics TEXT,
            repeat_scores TEXT,
            holdout_score REAL,
            holdout TEXT,
            reasons TEXT NOT NULL DEFAULT '[]',
            verdicts TEXT NOT NULL DEFAULT '[]',
            checks TEXT,
            promoted INTEGER NOT NULL DEFAULT 0,
            resources TEXT,
            artifacts TEXT,
            sandbox_runs INTEGER NOT NULL DEFAULT 0,
            cpu_seconds REAL NOT NULL DEFAULT 0,
            proposed_at TEXT NOT NULL,
            evaluated_at TEXT,
            decided_at TEXT) STRICT;
        CREATE INDEX IF NOT EXISTS candidates_status ON candidates(status);
        CREATE INDEX IF NOT EXISTS candidates_outcome ON candidates(outcome);
        CREATE TABLE IF NOT EXISTS champions(
            n INTEGER PRIMARY KEY,
            candidate TEXT NOT NULL,
            seq INTEGER NOT NULL,
            score REAL,
            at TEXT NOT NULL) STRICT;
        CREATE TABLE IF NOT EXISTS approvals(
            id INTEGER PRIMARY KEY,
            candidate TEXT,
            kind TEXT NOT NULL,
            reasons TEXT NOT NULL,
            requested_at TEXT NOT NULL,
            deadline TEXT,
            state TEXT NOT NULL,
            decided_by TEXT,
            decided_at TEXT,
            note TEXT,
            applied INTEGER NOT NULL DEFAULT 0) STRICT;
        CREATE INDEX IF NOT EXISTS approvals_state ON approvals(state);
        CREATE TABLE IF NOT EXISTS policies(
            version INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            preset TEXT NOT NULL,
            canonical TEXT NOT NULL,
            hash TEXT NOT NULL,
            applied_at TEXT NOT NULL,
            applied_by TEXT NOT NULL) STRICT;
        CREATE TABLE IF NOT EXISTS counters(name TEXT PRIMARY KEY, value REAL NOT NULL) STRICT;
        CREATE TRIGGER IF NOT EXISTS candidates_counted AFTER INSERT ON candidates BEGIN
            INSERT INTO counters(name, value) VALUES ('candidates', 1), ('status:' || NEW.status, 1)
                ON CONFLICT(name) DO UPDATE SET value = value + 1;
        END;
        CREATE TRIGGER IF NOT EXISTS candidates_status_counted AFTER UPDATE OF status ON candidates
            WHEN OLD.status <> NEW.status BEGIN
            UPDATE counters SET value = value - 1 WHERE name = 'status:' || OLD.status;
            INSERT INTO counters(name, value) VALUES ('status:' || NEW.status, 1)
                ON CONFLICT(name) DO UPDATE SET value = value + 1;
        END;
        CREATE TRIGGER IF NOT EXISTS candidates_outcome_counted AFTER UPDATE OF outcome ON candidates
            WHEN OLD.outcome IS NOT NEW.outcome BEGIN
            UPDATE counters SET value = value - 1 WHERE OLD.outcome IS NOT NULL AND name = 'outcome:' || OLD.outcome;
            INSERT INTO counters(name, value) SELECT 'outcome:' || NEW.outcome, 1 WHERE NEW.outcome IS NOT NULL
                ON CONFLICT(name) DO UPDATE SET value = value + 1;
        END;
        CREATE TRIGGER IF NOT EXISTS candidates_cost_counted AFTER UPDATE OF sandbox_runs, cpu_seconds ON candidates BEGIN
            INSERT INTO counters(name, value) VALUES ('sandbox_runs', NEW.sandbox_runs - OLD.sandbox_runs),
                ('cpu_seconds', NEW.cpu_seconds - OLD.cpu_seconds)
                ON CONFLICT(name) DO UPDATE SET value = value + excluded.value;
        END;
        CREATE TABLE IF NOT EXISTS ledger(
            seq INTEGER PRIMARY KEY,
            time TEXT NOT NULL,
            type TEXT NOT NULL,
            payload TEXT NOT NULL,
            prev TEXT NOT NULL,
            hash TEXT NOT NULL) STRICT;
        """;
}
