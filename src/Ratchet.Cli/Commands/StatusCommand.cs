using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
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
                if (parse.GetValue(json))
                    JsonOut.Write(New());
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

    /// <summary>The status as a JSON tree. Built with <see cref="JsonNode"/>s rather than the reflection serializer:
    /// <c>status</c> is the command users poll, and the serializer's start-up (generating accessors, compiling its
    /// converters) was a third of its time.</summary>
    internal static JsonObject Build(Store store, TaskContext context)
    {
        var run = store.GetRun();
        if (run is null)
            return New();
        var state = run.State == RunState.Running && !RunLock.IsHeld(context.StateDirectory) ? RunState.Interrupted : run.State;
        var champion = store.ChampionSummary();
        var statuses = store.StatusCounts();
        var totals = store.ComputeTotals();
        using var config = JsonDocument.Parse(run.Config);
        var limit = config.RootElement.TryGetProperty("limit", out var l) && l.ValueKind == JsonValueKind.Number ? l.GetInt64() : (long?)null;
        var policy = store.ActivePolicy();
        return new JsonObject
        {
            ["task"] = run.TaskName,
            ["state"] = state.ToWire(),
            ["ended_reason"] = run.EndedReason,
            ["evaluations"] = store.CandidateCount(),
            ["pending"] = statuses.GetValueOrDefault("pending"),
            ["limit"] = limit,
            ["best"] = champion is { } best ? Compact(new JsonObject
            {
                ["id"] = best.Id, ["score"] = Number(best.Score), ["label"] = best.Label, ["seq"] = best.Seq,
            }) : null,
            ["outcomes"] = Counts(store.OutcomeCounts()),
            ["statuses"] = Counts(statuses),
            ["sandbox"] = JsonNode.Parse(run.Sandbox),
            ["proposer"] = run.Proposer,
            ["seed"] = run.Seed,
            ["sandbox_runs"] = totals.SandboxRuns,
            ["cpu_seconds"] = Math.Round(totals.CpuSeconds, 3),
            ["wall_seconds"] = Math.Round(run.WallSeconds, 3),
            ["ledger"] = new JsonObject { ["events"] = store.LedgerCount(), ["key"] = store.Key.Path },
            ["policy"] = policy is { } p ? new JsonObject { ["version"] = p.Version, ["source"] = p.Source, ["hash"] = p.Hash } : null,
            ["pending_approvals"] = store.OpenApprovals().Count(a => a.Kind != "deferral"),
            ["oversight"] = new JsonObject
            {
                ["audits"] = Counts(store.CountersWithPrefix("audit:")),
                ["tripwires"] = Counts(store.CountersWithPrefix("tripwire:")),
                ["approvals"] = Counts(store.CountersWithPrefix("approvals:")),
            },
            ["state_dir"] = context.StateDirectory,
        };
    }

    private static JsonObject New() => new()
    {
        ["state"] = "new", ["evaluations"] = 0L, ["best"] = null, ["outcomes"] = new JsonObject(), ["sandbox"] = null,
    };

    private static JsonObject Counts(IReadOnlyDictionary<string, long> counts)
    {
        var node = new JsonObject();
        foreach (var (name, count) in counts)
            node[name] = count;
        return node;
    }

    /// <summary>A score as JSON: a number, or the name of a non-finite value as a string (as the serializer writes it).</summary>
    private static JsonNode? Number(double? value) =>
        value is not { } v ? null : double.IsFinite(v) ? JsonValue.Create(v) : JsonValue.Create(v.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Drops null members, like the project's serializer options do for objects.</summary>
    private static JsonObject Compact(JsonObject node)
    {
        foreach (var name in node.Where(p => p.Value is null).Select(p => p.Key).ToArray())
            node.Remove(name);
        return node;
    }

    private static void Print(JsonObject status)
    {
        Console.Out.WriteLine($"task        {status["task"]}");
        Console.Out.WriteLine($"state       {status["state"]}{(status["ended_reason"] is { } r ? $" ({r})" : "")}");
        Console.Out.WriteLine($"evaluations {status["evaluations"]}{(status["limit"] is { } l ? $" of {l}" : "")}, {status["pending"]} pending, {status["sandbox_runs"]} sandbox runs, {status["cpu_seconds"]} CPU s");
        var outcomes = status["outcomes"]!.AsObject();
        Console.Out.WriteLine($"outcomes    {(outcomes.Count == 0 ? "none yet" : string.Join(", ", outcomes.Select(o => $"{o.Key} {o.Value}")))}");
        var best = status["best"];
        Console.Out.WriteLine(best is null ? "best        none" : $"best        {JsonOut.Compact(best)}");
        var sandbox = status["sandbox"]!.AsObject();
        var mode = (string?)sandbox["mode"];
        var cgroup = sandbox["cgroup"] is { } c ? (string?)c : "?";
        Console.Out.WriteLine($"sandbox     {mode}, cgroup {cgroup}{(mode == "none" ? "  ** UNSAFE: candidates ran without isolation **" : "")}");
        if (sandbox["warnings"] is JsonArray warnings)
        {
            foreach (var warning in warnings)
                Console.Out.WriteLine($"  warning: {(string?)warning}");
        }
        Console.Out.WriteLine($"ledger      {JsonOut.Compact(status["ledger"])}");
        Console.Out.WriteLine($"policy      {JsonOut.Compact(status["policy"])}");
        Console.Out.WriteLine($"oversight   {JsonOut.Compact(status["oversight"])}");
        if ((int?)status["pending_approvals"] is > 0 and var pending)
            Console.Out.WriteLine($"WAITING     {pending} request(s) need a human: `ratchet pending <task>`, then `ratchet approve|reject <task> <id>`");
    }
}
