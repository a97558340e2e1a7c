using System.CommandLine;
using Ratchet.Cli.Output;
using Ratchet.Storage;

namespace Ratchet.Cli.Commands;

/// <summary><c>ratchet pending|approve|reject</c>: the human side of the approval gate. Answers are ledger events; the
/// run (now, or when it resumes) acts on them.</summary>
internal static class ApprovalCommands
{
    public static Command Pending()
    {
        var task = CommonOptions.Task();
        var state = CommonOptions.State();
        var json = CommonOptions.Json();
        var command = new Command("pending", "List requests waiting for a human: promotions and fired tripwires, with diff summary and scores.") { task, state, json };
        command.SetAction(parse =>
        {
            var context = TaskContext.Resolve(parse.GetValue(task)!, parse.GetValue(state));
            using var store = context.OpenStore();
            var items = store.OpenApprovals().Where(a => a.Kind != "deferral").Select(a => Describe(store, a)).ToList();
            if (parse.GetValue(json))
            {
                JsonOut.Write(items);
                return ExitCodes.Ok;
            }
            if (items.Count == 0)
                Console.Out.WriteLine("nothing is waiting for a human.");
            foreach (var item in items)
                PendingView.Print(Console.Out, item);
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Answer(bool approve)
    {
        var task = CommonOptions.Task();
        var id = new Argument<long>("id") { Description = "The request's id (see `ratchet pending`)." };
        var note = new Option<string?>("--note") { Description = "Why, recorded in the ledger.", HelpName = "TEXT" };
        var by = new Option<string?>("--by") { Description = "Who answers (default: your login name).", HelpName = "NAME" };
        var state = CommonOptions.State();
        var json = CommonOptions.Json();
        var verb = approve ? "approve" : "reject";
        var command = new Command(verb, approve ? "Approve a pending request." : "Reject a pending request.") { task, id, note, by, state, json };
        command.SetAction(parse =>
        {
            var context = TaskContext.Resolve(parse.GetValue(task)!, parse.GetValue(state));
            using var store = context.OpenStore();
            var result = Record(store, parse.GetValue(id), approve, Human.Name(parse.GetValue(by)), parse.GetValue(note));
            if (parse.GetValue(json))
                JsonOut.Write(new { id = result.Id, state = result.State, candidate = result.Candidate, kind = result.Kind });
            else
                Console.Out.WriteLine($"request #{result.Id} {result.State}" + (RunAlive(context) ? "; the run acts on it within a second." : "; the run acts on it when it resumes (`ratchet run`)."));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Answers request <paramref name="id"/> with its ledger event; a user mistake throws a <see cref="CliException"/>.</summary>
    internal static ApprovalRecord Record(Store store, long id, bool approve, string by, string? note)
    {
        var approval = store.GetApproval(id) is { Kind: not "deferral" } found
            ? found
            : throw new CliException($"no request #{id} waits for an answer in this run; list them with `ratchet pending <task>`.");
        if (!approval.IsOpen)
            throw new CliException($"request #{id} was already answered ({approval.State} by {approval.DecidedBy} at {approval.DecidedAt}).", ExitCodes.Failed);
        var answered = store.Write(tx =>
        {
            if (!Store.AnswerApproval(tx, id, approve ? "approved" : "rejected", by, note))
                return false;
            tx.Append(approve ? "approved" : "rejected-by-human", new { approval = id, candidate = approval.Candidate, kind = approval.Kind, by, note });
            return true;
        });
        if (!answered)
            throw new CliException($"request #{id} was answered by someone else a moment ago; see `ratchet log <task> --type approved`.", ExitCodes.Failed);
        return store.GetApproval(id)!;
    }

    private static bool RunAlive(TaskContext context) => Runs.RunLock.IsHeld(context.StateDirectory);

    internal static Dictionary<string, object?> Describe(Store store, ApprovalRecord approval)
    {
        var candidate = approval.Candidate is null ? null : store.GetCandidate(approval.Candidate);
        var champion = store.Champion();
        var (added, removed) = DiffCount(candidate?.Diff ?? "");
        return new Dictionary<string, object?>
        {
            ["id"] = approval.Id,
            ["kind"] = approval.Kind,
            ["reason"] = string.Join("; ", approval.Reasons),
            ["reasons"] = approval.Reasons,
            ["candidate"] = approval.Candidate,
            ["label"] = candidate?.Label,
            ["operator"] = candidate?.Operator,
            ["diff"] = new { added, removed, files = FilesOf(candidate?.Diff ?? "") },
            ["diff_text"] = candidate?.Diff,
            ["score"] = candidate?.Score,
            ["holdout_score"] = candidate?.HoldoutScore,
            ["champion_score"] = champion?.Score,
            ["champion_holdout_score"] = champion?.HoldoutScore,
            ["requested_at"] = approval.RequestedAt,
            ["deadline"] = approval.Deadline,
        };
    }

    private static (int Added, int Removed) DiffCount(string diff)
    {
        var lines = diff.Split('\n');
        return (lines.Count(l => l.StartsWith('+') && !l.StartsWith("+++", StringComparison.Ordinal)),
            lines.Count(l => l.StartsWith('-') && !l.StartsWith("---", StringComparison.Ordinal)));
    }

    private static string[] FilesOf(string diff) => diff.Split('\n')
        .Where(l => l.StartsWith("+++ b/", StringComparison.Ordinal))
        .Select(l => l[6..]).ToArray();
}
