using System.CommandLine;
using System.Text.Json;
using Ratchet.Cli.Output;

namespace Ratchet.Cli.Commands;

/// <summary><c>ratchet log &lt;task&gt;</c>: the ledger's events (JSON Lines with --json).</summary>
internal static class LogCommand
{
    public static Command Create()
    {
        var task = CommonOptions.Task();
        var state = CommonOptions.State();
        var json = CommonOptions.Json();
        var type = new Option<string?>("--type") { Description = "Only events of this type (e.g. promotion, rejection, run-started).", HelpName = "TYPE" };
        var command = new Command("log", "Print the ledger's events in order (JSON Lines with --json).") { task, state, type, json };
        command.SetAction(parse =>
        {
            var context = TaskContext.Resolve(parse.GetValue(task)!, parse.GetValue(state));
            using var store = context.OpenStore();
            var only = parse.GetValue(type);
            var asJson = parse.GetValue(json);
            var stdout = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false };
            foreach (var entry in store.ReadLedger())
            {
                if (only is not null && entry.Type != only)
                    continue;
                if (asJson)
                {
                    stdout.Write($"{{\"seq\":{entry.Seq},\"time\":{JsonSerializer.Serialize(entry.Time)},\"type\":{JsonSerializer.Serialize(entry.Type)},\"payload\":{entry.Payload},\"prev\":\"{entry.PrevHash}\",\"hash\":\"{entry.Hash}\"}}\n");
                }
                else
                {
                    stdout.Write($"{entry.Seq,6}  {entry.Time}  {entry.Type,-16}  {entry.Payload}\n");
                }
            }
            stdout.Flush();
            return ExitCodes.Ok;
        });
        return command;
    }
}
