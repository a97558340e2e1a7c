using System.CommandLine;
using System.Text.Json;
using Ratchet.Cli.Output;
using Ratchet.Common;
using Ratchet.Oversight;
using Ratchet.Proposers;
using Ratchet.Runs;
using Ratchet.Sandbox;
using Ratchet.Storage;

namespace Ratchet.Cli.Commands;

/// <summary><c>ratchet run &lt;task&gt;</c>: runs or resumes the improvement loop.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var task = CommonOptions.Task();
        var state = CommonOptions.State();
        var json = CommonOptions.Json();
        var evaluations = new Option<int?>("--evaluations") { Description = "Total evaluations for the run, the initial program included (default: the task's [budget] evaluations).", HelpName = "N" };
        var workers = new Option<int?>("--workers") { Description = "Evaluations at once (default: the number of cores).", HelpName = "N" };
        var seed = new Option<ulong?>("--seed") { Description = "Run seed (default 1); fixed when the run is created.", HelpName = "N" };
        var proposer = new Option<string?>("--proposer") { Description = "Who proposes changes: builtin (default), hillclimb or replay.", HelpName = "NAME" };
        var replay = new Option<string?>("--replay") { Description = "JSON Lines file of proposals for --proposer replay.", HelpName = "FILE" };
        var improver = new Option<string?>("--improver") { Description = "Improver genome (TOML) for the builtin proposer (default: the shipped version 0).", HelpName = "FILE" };
        var policy = new Option<string?>("--policy") { Description = "Oversight policy for a new run: a TOML file or a preset name (collaborate, vet, delegate, recursive). Default: policy.toml in the task folder, else the delegate preset.", HelpName = "FILE|PRESET" };
        var unsafeNoSandbox = new Option<bool>("--unsafe-no-sandbox") { Description = "Run candidates WITHOUT isolation when bubblewrap is missing. Recorded in the ledger and shown in every report." };
        var cpus = new Option<string?>("--cpus") { Description = "Pin every sandboxed process to these CPUs (e.g. 1 or 0,2-3): steadier timings for speed objectives on shared machines. Default: any CPU.", HelpName = "LIST" };
        var sharedCpus = new Option<bool>("--shared-cpus") { Description = "Let every worker's sandboxes use all the CPUs. By default, with 2 or more workers and at least as many CPUs (of --cpus, else all), each worker's sandboxes run on their own share of them." };
        var command = new Command("run", "Run (or resume) the improvement loop on a task.")
        {
            task, state, evaluations, workers, seed, proposer, replay, improver, policy, unsafeNoSandbox, cpus, sharedCpus, json,
        };
        command.SetAction(async (parse, ct) =>
        {
            // Options are checked before anything is made: a typo must not leave a state folder behind.
            if (parse.GetValue(workers) is < 1 and var badWorkers)
                throw new CliException($"--workers must be at least 1 (found {badWorkers}).");
            if (parse.GetValue(evaluations) is < 1 and var badEvaluations)
                throw new CliException($"--evaluations must be at least 1, the initial program's assessment (found {badEvaluations}).");
            var context = TaskContext.Resolve(parse.GetValue(task)!, parse.GetValue(state));
            var spec = context.LoadTask();
            var loadedPolicy = PolicyLoader.Load(parse.GetValue(policy), context.TaskDirectory);
            if (!loadedPolicy.Succeeded)
                throw new CliException(loadedPolicy.Format());
            var pinned = Cpus(parse.GetValue(cpus));
            var runSeed = parse.GetValue(seed) ?? 1;
            // A new run's proposer is checked (and its replay file or genome read) before the state folder is made.
            var fresh = Store.Exists(context.StateDirectory)
                ? null
                : ProposerChoice.Resolve(null, parse.GetValue(proposer), parse.GetValue(replay), parse.GetValue(improver));
            var freshProposer = fresh?.Create(spec, runSeed);
            using var starting = SandboxStart.Begin(new SandboxOptions(context.StateDirectory, AllowUnsafe: parse.GetValue(unsafeNoSandbox)) { Cpus = pinned });
            using var store = context.OpenStore(create: true);
            if (store.Key.Created && !parse.GetValue(json))
                Console.Error.WriteLine($"created the ledger key at {store.Key.Path} (keep it: it is what makes this run's history verifiable)");
            var existing = store.GetRun();
            var choice = existing is null && fresh is not null
                ? fresh
                : ProposerChoice.Resolve(existing, parse.GetValue(proposer), parse.GetValue(replay), parse.GetValue(improver));
            var sandbox = starting.Take();
            // Disposing ends what the sandbox keeps ready (bwraps waiting for options, their stages and cgroups).
            using var ownedSandbox = sandbox as IDisposable;
            if (!sandbox.Info.IsIsolated && !parse.GetValue(json))
                Console.Error.WriteLine("WARNING: --unsafe-no-sandbox: candidates run WITHOUT isolation. This is recorded in the ledger and shown in status.");
            var options = new RunOptions
            {
                Evaluations = parse.GetValue(evaluations),
                Workers = parse.GetValue(workers) ?? Environment.ProcessorCount,
                PinWorkers = !parse.GetValue(sharedCpus),
                Seed = runSeed,
                Policy = loadedPolicy.Policy,
                Proposer = choice.Name,
                UnsafeNoSandbox = parse.GetValue(unsafeNoSandbox),
                ReplayPath = choice.ReplayPath,
                ImproverPath = choice.ImproverPath,
            };
            if (pinned is not null && options.Workers > pinned.Count && !parse.GetValue(json))
                Console.Error.WriteLine($"note: {options.Workers} workers share {pinned.Count} pinned CPU{(pinned.Count == 1 ? "" : "s")} (--cpus {CpuList.Format(pinned)}).");
            var inline = !parse.GetValue(json) && InlineApprovals.Interactive ? new InlineApprovals(context.StateDirectory, Console.Out) : null;
            using var observer = new ProgressObserver(quiet: parse.GetValue(json), inline);
            var controller = new RunController(spec, store, sandbox, ReferenceEquals(choice, fresh) ? freshProposer! : choice.Create(spec, options.Seed), options, observer);
            var summary = await controller.RunAsync(ct);
            observer.Dispose();
            if (parse.GetValue(json))
                JsonOut.Write(Summaries.ToJson(summary));
            else
                PrintSummary(summary, spec.Objective.Metric);
            return summary.State == RunState.Stopped && ct.IsCancellationRequested ? ExitCodes.Interrupted : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The CPUs <c>--cpus</c> names, checked against those this process may use; null when not given.</summary>
    private static IReadOnlyList<int>? Cpus(string? text)
    {
        if (text is null)
            return null;
        var cpus = CpuList.Parse(text, out var error) ?? throw new CliException($"--cpus {text}: {error}.");
        var allowed = CpuList.Allowed();
        var unknown = cpus.Where(c => !allowed.Contains(c)).ToArray();
        if (unknown.Length > 0)
        {
            throw new CliException($"--cpus {text}: this process may use CPUs {CpuList.Format(allowed)} only, not {CpuList.Format(unknown)}; " +
                $"pick from those (e.g. --cpus {allowed[^1]}).");
        }
        return cpus;
    }

    private static void PrintSummary(RunSummary summary, string metric)
    {
        Console.Out.WriteLine($"{summary.State.ToWire()}: {summary.EndedReason}");
        Console.Out.WriteLine($"  evaluations  {summary.Evaluations}{(summary.EvaluationLimit is { } l ? $" of {l}" : "")}, {summary.SandboxRuns} sandbox runs, {summary.CpuSeconds:0.0} CPU s, {summary.WallSeconds:0.0} s wall");
        Console.Out.WriteLine($"  outcomes     {string.Join(", ", summary.Outcomes.Select(o => $"{o.Key} {o.Value}"))}");
        Console.Out.WriteLine(summary.BestId is { } id
            ? $"  best         {Summaries.Short(id)}  {metric} = {summary.BestScore:G10}"
            : "  best         none (no candidate was assessed ok)");
    }
}
