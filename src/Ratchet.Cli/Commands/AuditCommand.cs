using System.CommandLine;
using Ratchet.Cli.Output;

namespace Ratchet.Cli.Commands;

/// <summary><c>ratchet audit verify &lt;task&gt;</c>: exit 0 when the ledger is intact, 1 naming the first bad event.</summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var task = CommonOptions.Task();
        var state = CommonOptions.State();
        var json = CommonOptions.Json();
        var verify = new Command("verify", "Verify the ledger: every event's HMAC, the chain, the order, and the head kept outside the database.") { task, state, json };
        verify.SetAction(parse =>
        {
            var context = TaskContext.Resolve(parse.GetValue(task)!, parse.GetValue(state));
            using var store = context.OpenStore();
            var result = store.VerifyLedger();
            if (parse.GetValue(json))
            {
                JsonOut.Write(new
                {
                    intact = result.Intact,
                    events = result.Count,
                    first_bad_seq = result.FirstBadSeq,
                    reason = result.Reason,
                    head = result.HeadHash,
                    key = store.Key.Path,
                });
            }
            else if (result.Intact)
            {
                Console.Out.WriteLine($"ledger intact: {result.Count} events verified (head {result.HeadHash?[..16]}, key {store.Key.Path})");
            }
            else
            {
                Console.Out.WriteLine($"ledger NOT intact: first bad event is #{result.FirstBadSeq}: {result.Reason}");
                Console.Out.WriteLine($"  {result.Count} events before it verified.");
            }
            return result.Intact ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return new Command("audit", "Check the run's record.") { verify };
    }
}
