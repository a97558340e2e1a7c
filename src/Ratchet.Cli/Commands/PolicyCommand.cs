using System.CommandLine;
using Ratchet.Cli.Output;
using Ratchet.Oversight;
using Ratchet.Storage;

namespace Ratchet.Cli.Commands;

/// <summary><c>ratchet policy apply|show|rules</c>: the human-owned policy. During a run it changes only through
/// <c>apply</c>, which is a ledger event.</summary>
internal static class PolicyCommand
{
    public static Command Create() => new("policy", "Show, change (as a ledger event) or list the rules of the oversight policy.")
    {
        Apply(), Show(), Rules(),
    };

    private static Command Apply()
    {
        var task = CommonOptions.Task();
        var file = new Argument<string>("file") { Description = "The new policy: a TOML file or a preset name." };
        var by = new Option<string?>("--by") { Description = "Who applies it (default: your login name).", HelpName = "NAME" };
        var state = CommonOptions.State();
        var json = CommonOptions.Json();
        var command = new Command("apply", "Make FILE the run's active policy; recorded in the ledger; a running loop switches within a second.") { task, file, by, state, json };
        command.SetAction(parse =>
        {
            var context = TaskContext.Resolve(parse.GetValue(task)!, parse.GetValue(state));
            var loaded = PolicyLoader.Load(parse.GetValue(file), context.TaskDirectory);
            if (!loaded.Succeeded)
                throw new CliException(loaded.Format());
            var policy = loaded.Policy!;
            using var store = context.OpenStore();
            if (store.GetRun() is null)
                throw new CliException($"no run has started for '{context.TaskArgument}' yet: a new run takes its policy from policy.toml or --policy.");
            var who = Human.Name(parse.GetValue(by));
            var version = store.Write(tx =>
            {
                var v = Store.ApplyPolicy(tx, policy.Source, policy.Preset, policy.Canonical, policy.Hash, who);
                tx.Append("policy-applied", new { version = v, source = policy.Source, preset = policy.Preset, hash = policy.Hash, by = who });
                return v;
            });
            if (parse.GetValue(json))
                JsonOut.Write(new { version, hash = policy.Hash, preset = policy.Preset, source = policy.Source });
            else
                Console.Out.WriteLine($"policy version {version} applied: {policy}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show()
    {
        var task = new Argument<string?>("task") { Description = "The task folder (its run's active policy, else policy.toml, else the default).", Arity = ArgumentArity.ZeroOrOne };
        var preset = new Option<string?>("--preset") { Description = "Show a preset instead.", HelpName = "NAME" };
        var state = CommonOptions.State();
        var json = CommonOptions.Json();
        var command = new Command("show", "Print a policy in full (every key, with defaults applied).") { task, preset, state, json };
        command.SetAction(parse =>
        {
            Policy policy;
            var version = 0L;
            if (parse.GetValue(preset) is { } name)
            {
                policy = Load(name, Directory.GetCurrentDirectory());
            }
            else
            {
                var context = TaskContext.Resolve(parse.GetValue(task) ?? ".", parse.GetValue(state));
                if (Store.Exists(context.StateDirectory))
                {
                    using var store = context.OpenStore();
                    if (store.ActivePolicy() is { } active)
                    {
                        version = active.Version;
                        policy = PolicyLoader.Parse(active.Canonical, active.Source).Policy ?? throw new CliException("the stored policy no longer loads; apply a valid one.");
                        Print(policy, version, parse.GetValue(json));
                        return ExitCodes.Ok;
                    }
                }
                policy = Load(null, context.TaskDirectory);
            }
            Print(policy, version, parse.GetValue(json));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Rules()
    {
        var json = CommonOptions.Json();
        var command = new Command("rules", "List the static rules the static-rules auditor applies (data, not code).") { json };
        command.SetAction(parse =>
        {
            var rules = StaticRulesAuditor.Rules;
            if (parse.GetValue(json))
            {
                JsonOut.Write(rules.Select(r => new
                {
                    id = r.Id,
                    languages = r.Languages.Select(l => l.ToString().ToLowerInvariant()),
                    category = r.Category,
                    family = r.Family,
                    severity = r.Severity.ToString().ToLowerInvariant(),
                    description = r.Description,
                }));
                return ExitCodes.Ok;
            }
            foreach (var rule in rules)
                Console.Out.WriteLine($"{rule.Id,-36} {rule.Severity.ToString().ToLowerInvariant(),-7} {rule.Category,-24} {rule.Description}");
            Console.Out.WriteLine($"{rules.Count} rules; disable one with [auditors] disabled_rules = [\"<id>\"] in the policy.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Policy Load(string? path, string directory)
    {
        var loaded = PolicyLoader.Load(path, directory);
        return loaded.Succeeded ? loaded.Policy! : throw new CliException(loaded.Format());
    }

    private static void Print(Policy policy, long version, bool json)
    {
        if (json)
        {
            JsonOut.Write(new { source = policy.Source, preset = policy.Preset, hash = policy.Hash, version, canonical = policy.Canonical });
            return;
        }
        Console.Out.WriteLine($"# {policy}" + (version > 0 ? $", active version {version}" : ""));
        Console.Out.Write(policy.Canonical);
    }
}
