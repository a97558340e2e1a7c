using System.Diagnostics;
using Ratchet.Ledger;
using Ratchet.Storage;

namespace Ratchet.Bench;

/// <summary>Times each store read that <c>ratchet status</c> makes, to see where its time goes at scale.</summary>
internal static class StatusTiming
{
    public static int Run(string stateDirectory, string home)
    {
        var clock = Stopwatch.StartNew();
        void Mark(string what)
        {
            Console.Out.WriteLine($"{what,-24} {clock.Elapsed.TotalMilliseconds,8:F1} ms");
            clock.Restart();
        }
        using var store = Store.Open(stateDirectory, new RatchetHome(home), create: false);
        Mark("open");
        store.GetRun();
        Mark("run");
        store.ChampionSummary();
        Mark("champion");
        store.StatusCounts();
        store.OutcomeCounts();
        store.ComputeTotals();
        store.CandidateCount();
        Mark("counters");
        store.LedgerCount();
        Mark("ledger count");
        store.ActivePolicy();
        store.OpenApprovals();
        Mark("policy, approvals");
        return 0;
    }
}
