using Ratchet.Evaluation;
using Ratchet.Ledger;
using Ratchet.Runs;
using Ratchet.Storage;
using Ratchet.Tests.Tasks;

namespace Ratchet.Tests.Reports;

/// <summary>A store populated through the Store APIs: a small run with promotions, failures, a hostile label and
/// oversight events (audit, tripwire, approvals) of the shapes the oversight engineer writes.</summary>
internal sealed class ReportFixture : IDisposable
{
    public const string HostileLabel = "<script>alert('label')</script>";
    public const string HostileOperator = "op\"><img src=x onerror=alert(1)>";

    private readonly TempDir _dir = new();
    private readonly FixedTime _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    public ReportFixture(string sandboxMode = "bwrap", bool unsafeNoSandbox = false, string direction = "maximize")
    {
        Store = Store.Open(System.IO.Path.Combine(_dir.Path, "state"), new RatchetHome(System.IO.Path.Combine(_dir.Path, "home")), _time);
        Store.Write(tx =>
        {
            Store.CreateRun(tx, new RunRecord("demo-task", "hash", 7, 1, "builtin", "{}", RunState.Finished, "evaluation limit reached", 6, 42.5,
                CanonicalJson.From(new { mode = sandboxMode, warnings = new[] { "cgroup v1 <fallback>" }, unsafe_no_sandbox = unsafeNoSandbox }), Store.Now()));
            tx.Append("run-started", new { task = "demo-task", objective = new { metric = "score", direction, repeats = 1 }, isolation = "run and score in separate sandboxes" });
        });
    }

    public Store Store { get; }

    public string Path => _dir.Path;

    /// <summary>Adds a candidate, its assessment and its decision, 10 seconds after the previous one.</summary>
    public ReportFixture Candidate(string id, long seq, string? parent, string op, Outcome outcome, double? score, bool promote = false, string? label = null)
    {
        _time.Now = _time.Now.AddSeconds(10);
        Store.Write(tx =>
        {
            Store.InsertCandidate(tx, new NewCandidate(id, seq, seq, label ?? $"step {seq}", parent, op, null,
                new Dictionary<string, string> { ["p.py"] = $"x = {seq}\n" }, ""));
            Store.RecordEvaluation(tx, id, new EvaluationReport { Outcome = outcome, Score = score, RepeatScores = score is { } s ? [s] : [] });
            var status = outcome != Outcome.Ok ? (outcome == Outcome.Rejected ? CandidateStatus.Rejected : CandidateStatus.Failed)
                : promote ? CandidateStatus.Champion : CandidateStatus.Accepted;
            Store.RecordDecision(tx, id, status, []);
            if (promote)
            {
                Store.Promote(tx, id, seq, score);
                tx.Append("promotion", new { candidate = id, seq, score });
            }
            else
            {
                tx.Append("decision", new { candidate = id, seq, status = status.ToWire() });
            }
        });
        return this;
    }

    public ReportFixture Event(string type, object payload)
    {
        Store.Write(tx => tx.Append(type, payload));
        return this;
    }

    /// <summary>The standard run: 6 candidates, 3 promotions, a crash, an auditor rejection, a hostile label and operator.</summary>
    public static ReportFixture Standard()
    {
        var f = new ReportFixture()
            .Candidate("aaaa0000", 0, null, "initial", Outcome.Ok, 1.0, promote: true, label: "initial")
            .Candidate("bbbb1111", 1, "aaaa0000", "mutate-number", Outcome.Ok, 1.5, promote: true)
            .Candidate("cccc2222", 2, "bbbb1111", "swap-lines", Outcome.Ok, 1.4, label: HostileLabel)
            .Candidate("dddd3333", 3, "bbbb1111", "delete-line", Outcome.Crashed, null)
            .Candidate("eeee4444", 4, "bbbb1111", HostileOperator, Outcome.Ok, 2.25, promote: true, label: HostileLabel)
            .Candidate("ffff5555", 5, "eeee4444", "duplicate-line", Outcome.Rejected, null);
        f.Event("audit", new { candidate = "bbbb1111", auditor = "static-rules", verdict = "pass", reasons = Array.Empty<string>() })
            .Event("audit", new { candidate = "cccc2222", auditor = "static-rules", verdict = "pass", reasons = Array.Empty<string>() })
            .Event("audit", new { candidate = "ffff5555", auditor = "static-rules", verdict = "reject", reasons = new[] { "writes <score.py>" }, category = "grader overwrite" })
            .Event("audit", new { candidate = "eeee4444", auditor = "holdout-agreement", verdict = "flag", reasons = new[] { "holdout 1.1 vs visible 2.25" } })
            .Event("audit", new { candidate = "eeee4444", verdict = "pass" })
            .Event("tripwire", new { tripwire = "score-jump", reason = "gain 0.75 is 1.5x", candidate = "eeee4444" })
            .Event("tripwire", new { tripwire = "score-jump", reason = "again", candidate = "eeee4444" })
            .Event("tripwire", new { tripwire = "<b>violations</b>", reason = "lineage", candidate = "ffff5555" })
            .Event("approval-requested", new { candidate = "eeee4444" })
            .Event("approval-requested", new { candidate = "cccc2222" })
            .Event("approved", new { candidate = "eeee4444", by = "alice" })
            .Event("rejected-by-human", new { candidate = "cccc2222", by = "bob", reason = "<script>alert('reason')</script>" });
        return f;
    }

    public void Dispose()
    {
        Store.Dispose();
        _dir.Dispose();
    }
}
