using System.Diagnostics;
using Ratchet.Evaluation;
using Ratchet.Ledger;
using Ratchet.Runs;
using Ratchet.Storage;

namespace Ratchet.Bench;

/// <summary>Fills a state folder with a finished run of N candidates and their ledger events (four per candidate),
/// through the real store API, so CLI reads can be timed at scale.</summary>
internal static class Populate
{
    public static int Run(string stateDirectory, int candidates, string home)
    {
        if (Directory.Exists(stateDirectory))
            Directory.Delete(stateDirectory, recursive: true);
        var clock = Stopwatch.StartNew();
        using var store = Store.Open(stateDirectory, new RatchetHome(home));
        store.Write(tx =>
        {
            Store.CreateRun(tx, new RunRecord("store", "hash", 1, 1, "replay", "{\"limit\":" + candidates + "}", RunState.Finished,
                "populated for a benchmark", candidates, 0, "{\"mode\":\"bubblewrap\",\"cgroup\":\"v1\",\"warnings\":[]}", store.Now()));
            tx.Append("run-started", new { task = "store", candidates });
        });
        var random = new Random(1);
        const int batch = 5000;
        var best = double.MinValue;
        for (var start = 0; start < candidates; start += batch)
        {
            store.Write(tx =>
            {
                for (var i = start; i < Math.Min(candidates, start + batch); i++)
                {
                    var id = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(i)));
                    var program = new Dictionary<string, string> { ["p.py"] = $"x = {i}\n" };
                    Store.InsertCandidate(tx, new NewCandidate(id, i, i, $"c{i}", i == 0 ? null : "parent", "replay", null, program, "--- a/p.py\n+++ b/p.py\n"));
                    tx.Append("proposal", new { candidate = id, seq = i });
                    var ok = random.NextDouble() < 0.8;
                    var score = random.NextDouble();
                    var report = new EvaluationReport
                    {
                        Outcome = ok ? Outcome.Ok : Outcome.Crashed,
                        Score = ok ? score : null,
                        Reasons = ok ? [] : ["run exited with code 1"],
                        SandboxRuns = 2,
                        CpuSeconds = 0.02,
                    };
                    Store.RecordEvaluation(tx, id, report);
                    tx.Append("evaluation", new { candidate = id, seq = i, outcome = report.Outcome.ToWire(), score = report.Score });
                    var promote = ok && score > best;
                    Store.RecordDecision(tx, id, ok ? CandidateStatus.Accepted : CandidateStatus.Failed, []);
                    if (promote)
                    {
                        best = score;
                        Store.Promote(tx, id, i, score);
                        tx.Append("promotion", new { candidate = id, seq = i, score });
                    }
                    else
                    {
                        tx.Append("decision", new { candidate = id, seq = i });
                    }
                    tx.Append("note", new { seq = i });
                }
            });
        }
        store.Write(tx => tx.Append("run-finished", new { evaluations = candidates }));
        Console.Error.WriteLine($"populated {candidates} candidates and {store.LedgerCount()} events in {clock.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }
}
