using Ratchet.Evaluation;
using Ratchet.Ledger;
using Ratchet.Storage;

namespace Ratchet.Tests.Storage;

public sealed class StoreSummariesTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void CandidateSummaries_AgreeWithTheFullRecords_InDecisionOrder()
    {
        using var store = Store.Open(Path.Combine(_dir.Path, "state"), new RatchetHome(Path.Combine(_dir.Path, "home")));
        store.Write(tx =>
        {
            Store.InsertCandidate(tx, new NewCandidate("bbbb", 1, 1, "child", "aaaa", "swap-lines", null, new Dictionary<string, string> { ["p.py"] = "b" }, ""));
            Store.InsertCandidate(tx, new NewCandidate("aaaa", 0, 0, "initial", null, "initial", null, new Dictionary<string, string> { ["p.py"] = "a" }, ""));
            Store.InsertCandidate(tx, new NewCandidate("cccc", 2, 2, "pending", "aaaa", "delete-line", null, new Dictionary<string, string> { ["p.py"] = "c" }, ""));
            Store.RecordEvaluation(tx, "aaaa", new EvaluationReport { Outcome = Outcome.Ok, Score = 1.5 });
            Store.RecordEvaluation(tx, "bbbb", new EvaluationReport { Outcome = Outcome.Crashed });
            Store.RecordDecision(tx, "aaaa", CandidateStatus.Champion, []);
            Store.Promote(tx, "aaaa", 0, 1.5);
            Store.RecordDecision(tx, "bbbb", CandidateStatus.Failed, []);
        });
        var summaries = store.CandidateSummaries().ToArray();
        var full = store.Candidates().Select(c => new CandidateSummary(c.Id, c.Seq, c.Label, c.Parent, c.Operator, c.Status, c.Outcome, c.Score, c.Promoted, c.EvaluatedAt));
        Assert.Equal(full, summaries);
        Assert.Equal(["aaaa", "bbbb", "cccc"], summaries.Select(s => s.Id));
        Assert.Equal((CandidateStatus.Champion, Outcome.Ok, 1.5, true), (summaries[0].Status, summaries[0].Outcome, summaries[0].Score, summaries[0].Promoted));
        Assert.Equal((CandidateStatus.Pending, null, null), (summaries[2].Status, summaries[2].Outcome, summaries[2].EvaluatedAt));
    }
}
