using Ratchet.Cli.Commands;
using Ratchet.Ledger;
using Ratchet.Storage;

namespace Ratchet.Cli.Output;

/// <summary>When <c>ratchet run</c> has a terminal, offers each request for a human inline: the diff and the scores,
/// then a key (a: approve, r: reject, s: leave it for `ratchet approve|reject`). The answer is recorded exactly as the
/// approve/reject verbs record it (its own store connection, a ledger event); the loop picks it up like any answer.</summary>
internal sealed class InlineApprovals(string stateDirectory, TextWriter output)
{
    private readonly object _gate = new();
    private Thread? _prompt;

    /// <summary>True when both stdin and stdout are a terminal.</summary>
    public static bool Interactive => !Console.IsInputRedirected && !Console.IsOutputRedirected;

    public void Offer(long id)
    {
        lock (_gate)
        {
            if (_prompt is { IsAlive: true })
                return;
            _prompt = new Thread(() => Ask(id)) { IsBackground = true, Name = "ratchet-inline-approval" };
            _prompt.Start();
        }
    }

    private void Ask(long id)
    {
        using var store = Store.Open(stateDirectory, RatchetHome.Default(), create: false);
        if (store.GetApproval(id) is not { IsOpen: true } approval)
            return;
        lock (output)
        {
            output.WriteLine();
            PendingView.Print(output, ApprovalCommands.Describe(store, approval), withDiff: true);
            output.WriteLine("  press a to approve, r to reject, s to leave it for later (the run keeps waiting)");
        }
        while (store.GetApproval(id) is { IsOpen: true })
        {
            if (!Console.KeyAvailable)
            {
                Thread.Sleep(100);
                continue;
            }
            var key = char.ToLowerInvariant(Console.ReadKey(intercept: true).KeyChar);
            if (key is not ('a' or 'r' or 's'))
                continue;
            if (key == 's')
            {
                lock (output)
                    output.WriteLine($"  left for later: `ratchet approve|reject <task> {id}` from any terminal");
                return;
            }
            try
            {
                var answered = ApprovalCommands.Record(store, id, approve: key == 'a', Human.Name(null) + " (inline)", note: null);
                lock (output)
                    output.WriteLine($"  request #{id} {answered.State}");
            }
            catch (CliException e)
            {
                lock (output)
                    output.WriteLine($"  {e.Message}");
            }
            return;
        }
    }
}
