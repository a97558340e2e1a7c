using System.CommandLine;
using Ratchet.Cli.Output;
using Ratchet.Runs;
using Ratchet.Storage;

namespace Ratchet.Cli.Commands;

/// <summary><c>ratchet pause|resume|stop &lt;task&gt;</c>: the kill switch, from any terminal. Each writes the run's new
/// state with its ledger event in one transaction; a running loop reads it within its poll interval (200 ms).</summary>
internal static class ControlCommands
{
    public static Command Create(string verb)
    {
        var task = CommonOptions.Task();
        var note = new Option<string?>("--note") { Description = "Why, recorded in the ledger.", HelpName = "TEXT" };
        var by = new Option<string?>("--by") { Description = "Who (default: your login name).", HelpName = "NAME" };
        var state = CommonOptions.State();
        var json = CommonOptions.Json();
        var description = verb switch
        {
            "pause" => "Pause the run: in-flight sandboxes are killed (their candidates are evaluated again on resume), nothing new starts.",
            "resume" => "Resume a paused run.",
            _ => "Stop the run: in-flight sandboxes are killed and the loop exits; `ratchet run` continues it later.",
        };
        var command = new Command(verb, description) { task, note, by, state, json };
        command.SetAction(parse =>
        {
            var context = TaskContext.Resolve(parse.GetValue(task)!, parse.GetValue(state));
            using var store = context.OpenStore();
            var who = Human.Name(parse.GetValue(by));
            var (from, to) = Apply(store, verb, who, parse.GetValue(note));
            var alive = RunLock.IsHeld(context.StateDirectory);
            if (parse.GetValue(json))
            {
                JsonOut.Write(new { state = to, previous = from, by = who, run_process = alive });
                return ExitCodes.Ok;
            }
            Console.Out.WriteLine($"{from} -> {to}" + (alive
                ? " (the running loop applies it within a second)"
                : verb == "resume" ? "; no run process is active: continue with `ratchet run " + context.TaskArgument + "`" : ""));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Changes the stored state with its ledger event; throws a <see cref="CliException"/> when the verb does not apply.</summary>
    internal static (string From, string To) Apply(Store store, string verb, string by, string? note)
    {
        var run = store.GetRun() ?? throw new CliException("no run has started for this task yet; there is nothing to " + verb + ".");
        return store.Write(tx =>
        {
            var from = store.RunStateWord() ?? run.State.ToWire();
            var to = (verb, from) switch
            {
                ("pause", "running" or "waiting-approval") => "paused",
                ("resume", "paused") => "running",
                ("stop", "running" or "waiting-approval" or "paused") => "stopped",
                _ => throw new CliException(verb switch
                {
                    "pause" => $"the run is {from}: only a running or waiting run can be paused.",
                    "resume" => $"the run is {from}, not paused: nothing to resume" + (from is "stopped" or "finished" ? $" (continue a {from} run with `ratchet run`)." : "."),
                    _ => $"the run is already {from}.",
                }, ExitCodes.Failed),
            };
            if (!Store.SetRunStateIf(tx, from, to))
                throw new CliException($"the run's state changed while {verb} was being recorded; try again.", ExitCodes.Failed);
            tx.Append(verb switch { "pause" => "run-paused", "resume" => "run-resumed", _ => "run-stopped" },
                new { by, note, previous_state = from, requested_from = "cli" });
            return (from, to);
        });
    }
}
