using System.CommandLine;
using System.Text.Json;
using Ratchet.Cli.Output;
using Ratchet.Runs;
using Ratchet.Storage;

namespace Ratchet.Cli.Commands;

/// <summary><c>ratchet status &lt;task&gt;</c>: where the run stands. <c>state</c> is <c>running</c> only while a run
/// process holds the lock; a killed run reads <c>interrupted</c>.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var task = CommonOptions.Task();
        var state = CommonOptions.State();
        var json = CommonOptions.Json();
        var command = new Command("status", "Show the run's state, best candidate, outcome counts and sandbox mode.") { task, state, json };
        command.SetAction(parse =>
        {
            var context = TaskContext.Resolve(parse.GetValue(task)!, parse.GetValue(state));
            if (!Store.Exists(context.StateDirectory))
            {
                var none = new Dictionary<string, object?> { ["state"] = "new", ["evaluations"] = 0, ["best"] = null, ["outcomes"] = new Dictionary<string, long>(), ["sandbox"] = null };
                if (parse.GetValue(json))
                    JsonOut.Write(none);
                else
                    Console.Out.WriteLine($"no run yet for '{context.TaskArgument}': start one with `ratchet run {context.TaskArgument}`");
                return ExitCodes.Ok;
            }
            using var store = context.OpenStore();
            var status = Build(store, context);
            if (parse.GetValue(json))
                JsonOut.Write(status);
            else
                Print(status);
            return ExitCodes.Ok;
        });
        return command;
    }

    internal static Dictionary<string, object?> Build(Store store, TaskContext context)
    {
        var run = store.GetRun();
        if (run is null)
            return new Dictionary<string, object?> { ["state"] = "new", ["evaluations"] = 0L, ["best"] = null, ["outcomes"] = new Dictionary<string, long>(), ["sandbox"] = null };
        var state = run.State == RunState.Running && !RunLock.IsHeld(context.StateDirectory) ? RunState.Interrupted : run.State;
        var champion = store.ChampionSummary();
        var statuses = store.StatusCounts();
        var totals = store.ComputeTotals();
        var config = JsonSerializer.Deserialize<JsonElement>(run.Config);
        return new Dictionary<string, object?>
        {
            ["task"] = run.TaskName,
            ["state"] = state.ToWire(),
            ["ended_reason"] = run.EndedReason,
            ["evaluations"] = store.CandidateCount(),
            ["pending"] = statuses.GetValueOrDefault("pending"),
            ["limit"] = config.TryGetProperty("limit", out var limit) && limit.ValueKind == JsonValueKind.Number ? limit.GetInt64() : null,
            ["best"] = champion is { } best ? new { id = best.Id, score = best.Score, label = best.Label, seq = best.Seq } : null,
            ["outcomes"] = store.OutcomeCounts(),
            ["statuses"] = statuses,
            ["sandbox"] = JsonSerializer.Deserialize<JsonElement>(run.Sandbox),
            ["proposer"] = run.Proposer,
            ["seed"] = run.Seed,
            ["sandbox_runs"] = totals.SandboxRuns,
            ["cpu_seconds"] = Math.Round(totals.CpuSeconds, 3),
            ["wall_seconds"] = Math.Round(run.WallSeconds, 3),
            ["ledger"] = new { events = store.LedgerCount(), key = store.Key.Path },
            ["policy"] = store.ActivePolicy() is { } policy ? new { version = policy.Version, source = policy.Source, hash = policy.Hash } : null,
            ["pending_approvals"] = store.OpenApprovals().Count(a => a.Kind != "deferral"),
            ["oversight"] = new
            {
                audits = store.CountersWithPrefix("audit:"),
                tripwires = store.CountersWithPrefix("tripwire:"),
                approvals = store.CountersWithPrefix("approvals:"),
            },
            ["state_dir"] = context.StateDirectory,
        };
    }

    private static void Print(Dictionary<string, object?> status)
    {
        Console.Out.WriteLine($"task        {status["task"]}");
        Console.Out.WriteLine($"state       {status["state"]}{(status["ended_reason"] is string r ? $" ({r})" : "")}");
        Console.Out.WriteLine($"evaluations {status["evaluations"]}{(status["limit"] is long l ? $" of {l}" : "")}, {status["pending"]} pending, {status["sandbox_runs"]} sandbox runs, {status["cpu_seconds"]} CPU s");
        var outcomes = (IReadOnlyDictionary<string, long>)status["outcomes"]!;
        Console.Out.WriteLine($"outcomes    {(outcomes.Count == 0 ? "none yet" : string.Join(", ", outcomes.Select(o => $"{o.Key} {o.Value}")))}");
        var best = status["best"];
        Console.Out.WriteLine(best is null ? "best        none" : $"best        {JsonSerializer.Serialize(best)}");
        var sandbox = (JsonElement)status["sandbox"]!;
        var mode = sandbox.GetProperty("mode").GetString();
        var cgroup = sandbox.TryGetProperty("cgroup", out var c) ? c.GetString() : "?";
        Console.Out.WriteLine($"sandbox     {mode}, cgroup {cgroup}{(mode == "none" ? "  ** UNSAFE: candidates ran without isolation **" : "")}");
        if (sandbox.TryGetProperty("warnings", out var warnings))
        {
            foreach (var warning in warnings.EnumerateArray())
                Console.Out.WriteLine($"  warning: {warning.GetString()}");
        }
        Console.Out.WriteLine($"ledger      {JsonSerializer.Serialize(status["ledger"])}");
        Console.Out.WriteLine($"policy      {JsonSerializer.Serialize(status["policy"])}");
        Console.Out.WriteLine($"oversight   {JsonSerializer.Serialize(status["oversight"])}");
        if (status["pending_approvals"] is int pending and > 0)
            Console.Out.WriteLine($"WAITING     {pending} request(s) need a human: `ratchet pending <task>`, then `ratchet approve|reject <task> <id>`");
    }
}
