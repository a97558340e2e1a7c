using Microsoft.Data.Sqlite;
using Ratchet.Evaluation;
using Ratchet.Ledger;
using Ratchet.Storage;

namespace Ratchet.Tests.Storage;

public sealed class StoreTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly RatchetHome _home;

    public StoreTests() => _home = new RatchetHome(Path.Combine(_dir.Path, "home"));

    public void Dispose() => _dir.Dispose();

    private Store Open() => Store.Open(Path.Combine(_dir.Path, "state"), _home);

    private static NewCandidate Candidate(string id, long seq, string content = "x = 1\n") =>
        new(id, seq, seq, $"c{seq}", seq == 0 ? null : "root", "replay", null, new Dictionary<string, string> { ["p.py"] = content }, "");

    [Fact]
    public void Open_CreatesKeyOutsideTheStateFolder_AndReusesIt()
    {
        string keyPath;
        using (var store = Open())
        {
            Assert.True(store.Key.Created);
            keyPath = store.Key.Path;
        }
        using var again = Open();
        Assert.False(again.Key.Created);
        Assert.Equal(keyPath, again.Key.Path);
        Assert.False(keyPath.StartsWith(again.Directory, StringComparison.Ordinal));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyPath));
    }

    [Fact]
    public void ChangedElsewhere_SeesAnotherConnectionsCommitsAndNotItsOwn()
    {
        using var store = Open();
        using var other = Open();

        Assert.True(store.ChangedElsewhere()); // the first look always reads
        store.Write(tx => tx.Append("own", new { n = 1 }));
        Assert.False(store.ChangedElsewhere());
        other.Write(tx => tx.Append("elsewhere", new { n = 2 }));
        Assert.True(store.ChangedElsewhere());
        Assert.False(store.ChangedElsewhere());
    }

    [Fact]
    public void Write_StateChangeAndEventCommitTogether()
    {
        using var store = Open();
        store.Write(tx =>
        {
            Store.InsertCandidate(tx, Candidate("aaaa1111", 0));
            tx.Append("proposal", new { candidate = "aaaa1111" });
        });
        Assert.True(store.HasCandidate("aaaa1111"));
        Assert.Equal(1, store.LedgerCount());
        Assert.Equal((1, store.ReadLedger().Single().Hash), store.Head.Read());
    }

    [Fact]
    public void Scalar_InsideAndOutsideAWrite_ReadsThroughTheSamePreparedStatement()
    {
        using var store = Open();
        Assert.False(store.HasCandidate("aaaa1111"));

        var seenInside = store.Write(tx =>
        {
            Store.InsertCandidate(tx, Candidate("aaaa1111", 0));
            return store.HasCandidate("aaaa1111") && !store.HasCandidate("bbbb2222");
        });

        Assert.True(seenInside); // the read ran in the write's transaction and saw its uncommitted row
        Assert.True(store.HasCandidate("aaaa1111"));
        store.Write(tx => Store.InsertCandidate(tx, Candidate("bbbb2222", 1)));
        Assert.True(store.HasCandidate("bbbb2222"));
    }

    [Fact]
    public void Defer_WhenTheNextWriteCommits_RunsFirstInTheSameTransaction()
    {
        using var store = Open();
        store.Defer(tx => tx.Append("evaluation", new { candidate = "aaaa1111" }));
        Assert.Equal(0, store.LedgerCount());

        store.Write(tx => tx.Append("decision", new { candidate = "aaaa1111" }));

        Assert.Equal(["evaluation", "decision"], store.ReadLedger().Select(e => e.Type));
        Assert.Equal((2, store.ReadLedger().Last().Hash), store.Head.Read());
    }

    [Fact]
    public void Flush_WhenWorkIsDeferred_CommitsItAndOnlyOnce()
    {
        using var store = Open();
        store.Defer(tx => tx.Append("evaluation", new { candidate = "aaaa1111" }));

        store.Flush();
        store.Flush();
        store.Write(tx => tx.Append("decision", new { candidate = "aaaa1111" }));

        Assert.Equal(["evaluation", "decision"], store.ReadLedger().Select(e => e.Type));
    }

    [Fact]
    public void Write_WhenWorkThrowsAfterDeferredWork_KeepsTheDeferredWorkForTheNextWrite()
    {
        using var store = Open();
        store.Defer(tx => tx.Append("evaluation", new { candidate = "aaaa1111" }));

        Assert.Throws<InvalidOperationException>(() => store.Write(_ => throw new InvalidOperationException("crash mid-transaction")));
        Assert.Equal(0, store.LedgerCount());
        store.Flush();

        Assert.Equal(["evaluation"], store.ReadLedger().Select(e => e.Type));
    }

    [Fact]
    public void Write_WhenWorkThrows_NeitherStateNorEventIsKept()
    {
        using var store = Open();
        Assert.Throws<InvalidOperationException>(() => store.Write(tx =>
        {
            Store.InsertCandidate(tx, Candidate("bbbb2222", 0));
            tx.Append("proposal", new { candidate = "bbbb2222" });
            throw new InvalidOperationException("crash mid-transaction");
        }));
        Assert.False(store.HasCandidate("bbbb2222"));
        Assert.Equal(0, store.LedgerCount());
        Assert.Null(store.Head.Read());
    }

    [Fact]
    public void Candidates_RoundTripEvaluationAndDecision()
    {
        using var store = Open();
        store.Write(tx => Store.InsertCandidate(tx, Candidate("cccc3333", 0, "print(1)\n")));
        var report = new EvaluationReport
        {
            Outcome = Outcome.Ok,
            Score = 2.5,
            Metrics = """{"score":2.5}""",
            RepeatScores = [2.4, 2.6],
            Holdout = new HoldoutReport(Outcome.Ok, 2.4, null, []),
            SandboxRuns = 4,
            CpuSeconds = 0.5,
        };
        store.Write(tx =>
        {
            Store.RecordEvaluation(tx, "cccc3333", report);
            Store.RecordDecision(tx, "cccc3333", CandidateStatus.Champion, ["best so far"]);
            Store.Promote(tx, "cccc3333", 0, 2.5);
        });
        var c = store.GetCandidate("cccc3333")!;
        Assert.Equal(Outcome.Ok, c.Outcome);
        Assert.Equal(2.5, c.Score);
        Assert.Equal([2.4, 2.6], c.RepeatScores);
        Assert.Equal(2.4, c.HoldoutScore);
        Assert.Equal(CandidateStatus.Champion, c.Status);
        Assert.True(c.Promoted);
        Assert.Equal(["best so far"], c.Reasons);
        Assert.Equal("print(1)\n", store.LoadProgram("cccc3333").Files["p.py"]);
        Assert.Equal("cccc3333", store.Champion()!.Id);
    }

    [Fact]
    public void Promote_DethronesThePreviousChampion_ButKeepsItsPromotedFlag()
    {
        using var store = Open();
        store.Write(tx =>
        {
            Store.InsertCandidate(tx, Candidate("dddd0000", 0, "a"));
            Store.InsertCandidate(tx, Candidate("dddd1111", 1, "b"));
            Store.Promote(tx, "dddd0000", 0, 1);
            Store.Promote(tx, "dddd1111", 1, 2);
        });
        var first = store.GetCandidate("dddd0000")!;
        Assert.Equal(CandidateStatus.Accepted, first.Status);
        Assert.True(first.Promoted);
        Assert.Equal(CandidateStatus.Champion, store.GetCandidate("dddd1111")!.Status);
        Assert.Equal(2, store.ChampionHistory().Count);
    }

    [Fact]
    public void FindCandidateIds_ResolvesPrefixesAndSeqNumbers()
    {
        using var store = Open();
        store.Write(tx =>
        {
            Store.InsertCandidate(tx, Candidate("abcd0001", 0, "a"));
            Store.InsertCandidate(tx, Candidate("abcd0002", 1, "b"));
            Store.InsertCandidate(tx, Candidate("ffff0003", 2, "c"));
        });
        Assert.Equal(2, store.FindCandidateIds("abcd").Count);
        Assert.Equal(["ffff0003"], store.FindCandidateIds("ffff"));
        Assert.Equal(["abcd0002"], store.FindCandidateIds("#1"));
        Assert.Empty(store.FindCandidateIds("0123"));
    }

    [Fact]
    public void Ledger_AppendsFromTwoStoresOnOneFile_StayOneChain()
    {
        // A second process (approve, pause) appends to the same ledger: the tail is read inside the transaction.
        using var a = Open();
        using var b = Open();
        for (var i = 0; i < 5; i++)
        {
            a.Write(tx => tx.Append("from-a", new { i }));
            b.Write(tx => tx.Append("from-b", new { i }));
        }
        Assert.True(a.VerifyLedger().Intact);
        Assert.Equal(10, a.LedgerCount());
    }

    [Fact]
    public void Counters_KeptByTriggers_AgreeWithAFullRecount()
    {
        using var store = Open();
        var random = new Random(3);
        for (var i = 0; i < 60; i++)
        {
            var id = $"e{i:0000}";
            store.Write(tx => Store.InsertCandidate(tx, Candidate(id, i, $"v{i}")));
            if (random.Next(4) == 0)
                continue;
            var outcome = random.Next(3) == 0 ? Outcome.Crashed : Outcome.Ok;
            store.Write(tx =>
            {
                Store.RecordEvaluation(tx, id, new EvaluationReport { Outcome = outcome, Score = outcome == Outcome.Ok ? i : null, SandboxRuns = 2, CpuSeconds = 0.25 });
                Store.RecordDecision(tx, id, outcome == Outcome.Ok ? CandidateStatus.Accepted : CandidateStatus.Failed, []);
                if (outcome == Outcome.Ok && random.Next(3) == 0)
                    Store.Promote(tx, id, i, i);
            });
        }
        var all = store.Candidates().ToList();
        Assert.Equal(all.Count, store.CandidateCount());
        Assert.Equal(all.Where(c => c.Outcome is not null).GroupBy(c => c.Outcome!.Value.ToWire()).ToDictionary(g => g.Key, g => (long)g.Count()),
            store.OutcomeCounts());
        Assert.Equal(all.GroupBy(c => c.Status.ToWire()).ToDictionary(g => g.Key, g => (long)g.Count()), store.StatusCounts());
        Assert.Equal((all.Sum(c => (long)c.SandboxRuns), all.Sum(c => c.CpuSeconds)), store.ComputeTotals());
        Assert.Equal(1, store.StatusCounts().GetValueOrDefault("champion"));
    }

    [Fact]
    public void Open_StateFromAnotherSchema_IsRefusedWithTheFix()
    {
        string path;
        using (var store = Open())
            path = store.DatabasePath;
        using (var raw = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            raw.Open();
            using var command = raw.CreateCommand();
            command.CommandText = "UPDATE meta SET value = '1' WHERE key = 'schema'";
            command.ExecuteNonQuery();
        }
        var error = Assert.Throws<StoreException>(Open);
        Assert.Contains("store schema 1", error.Message);
        Assert.Contains("--state <new folder>", error.Message);
    }

    public static TheoryData<string, string> Tampering => new()
    {
        { "edit", "UPDATE ledger SET payload = '{\"candidate\":\"forged\"}' WHERE seq = 3" },
        { "delete", "DELETE FROM ledger WHERE seq = 3" },
        { "reorder", "UPDATE ledger SET seq = -1 WHERE seq = 3; UPDATE ledger SET seq = 3 WHERE seq = 4; UPDATE ledger SET seq = 4 WHERE seq = -1" },
        { "truncate", "DELETE FROM ledger WHERE seq > 4" },
        { "edit-type", "UPDATE ledger SET type = 'promotion' WHERE seq = 2" },
        { "edit-time", "UPDATE ledger SET time = '2020-01-01T00:00:00.000Z' WHERE seq = 5" },
    };

    [Theory]
    [MemberData(nameof(Tampering))]
    public void VerifyLedger_DetectsTampering_WithTheDatabaseFileEditedDirectly(string kind, string sql)
    {
        string path;
        using (var store = Open())
        {
            for (var i = 1; i <= 6; i++)
                store.Write(tx => tx.Append("evaluation", new { candidate = $"c{i}" }));
            Assert.True(store.VerifyLedger().Intact);
            path = store.DatabasePath;
        }
        using (var raw = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            raw.Open();
            using var command = raw.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
        using var reopened = Open();
        var result = reopened.VerifyLedger();
        Assert.False(result.Intact, kind);
        Assert.NotNull(result.FirstBadSeq);
        Assert.InRange(result.FirstBadSeq!.Value, 2, 5);
    }
}
