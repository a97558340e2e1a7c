using System.CommandLine;
using Ratchet.Cli.Output;
using Ratchet.Oversight;
using Ratchet.RedTeam;

namespace Ratchet.Cli.Commands;

/// <summary><c>ratchet redteam</c>: replays the catalogue of reward hacks and sandbox escapes (docs/redteam.md) against a
/// policy, each attack in a fresh run with a real sandbox and a human who approves everything, and reports for each
/// whether it was caught, contained or escaped, plus the benign set's false-rejection rate.</summary>
internal static class RedTeamCommand
{
    public static Command Create()
    {
        var json = CommonOptions.Json();
        var policy = new Option<string?>("--policy") { Description = "The policy to test: a TOML file or a preset name (collaborate, vet, delegate, recursive). Default: the delegate preset.", HelpName = "FILE|PRESET" };
        var filter = new Option<string?>("--filter") { Description = "Run only cases whose name, category or target contains TEXT (\"benign\" selects the benign set).", HelpName = "TEXT" };
        var catalog = new Option<string?>("--catalog") { Description = "A catalogue folder (targets/, attacks/, benign/) instead of the built-in one.", HelpName = "DIR" };
        var workers = new Option<int?>("--workers") { Description = "Cases at once (default: the number of cores).", HelpName = "N" };
        var keep = new Option<bool>("--keep") { Description = "Keep each case's temporary folder (task copy, state, canaries) for inspection." };
        var command = new Command("redteam", "Replay known reward hacks and sandbox escapes against a policy; exits 1 if any escaped.")
        {
            policy, filter, catalog, workers, keep, json,
        };
        command.SetAction(async (parse, ct) =>
        {
            var asJson = parse.GetValue(json);
            var loaded = PolicyLoader.Load(parse.GetValue(policy) ?? Presets.Default, Environment.CurrentDirectory);
            if (!loaded.Succeeded)
                throw new CliException(loaded.Format());
            var chosen = loaded.Policy!;
            RedTeamCatalog cases;
            try
            {
                cases = parse.GetValue(catalog) is { } folder ? RedTeamCatalog.FromFolder(folder) : RedTeamCatalog.Embedded();
            }
            catch (CatalogException e)
            {
                throw new CliException(e.Message);
            }
            if (parse.GetValue(filter) is { } wanted && !cases.Attacks.Concat(cases.Benign).Any(c => c.Matches(wanted)))
            {
                var names = cases.Attacks.Concat(cases.Benign).SelectMany(c => new[] { c.Name, c.Target, c.Category ?? "benign" }).Distinct().ToList();
                throw new CliException($"--filter '{wanted}' selects no case of the catalogue ({cases.Attacks.Count} attacks, {cases.Benign.Count} benign)" +
                    (Ratchet.Common.NearestName.Find(wanted, names) is { } near ? $"; did you mean '{near}'?" : "; it matches part of a case's name, category or target, or \"benign\".") +
                    " The cases are in the repository's redteam/ folder.");
            }
            if (parse.GetValue(workers) is < 1)
                throw new CliException($"--workers must be at least 1 (found {parse.GetValue(workers)}).");
            var options = new RedTeamOptions
            {
                Parallelism = parse.GetValue(workers) ?? Environment.ProcessorCount,
                Filter = parse.GetValue(filter),
                Keep = parse.GetValue(keep),
            };
            if (!asJson)
                Console.Error.WriteLine($"policy: {chosen.Source} (sha256 {chosen.Hash[..12]}); {cases.Attacks.Count} attacks, {cases.Benign.Count} benign cases; {options.Parallelism} at once");
            RedTeamReport report;
            try
            {
                report = await new RedTeamRunner(cases, chosen, options).RunAsync(asJson ? null : r => Console.Error.WriteLine($"  {r.Result.ToWire(),-9} {r.Case.Name}"), ct);
            }
            catch (RedTeamEnvironmentException e)
            {
                throw new CliException(e.Message, ExitCodes.Environment);
            }
            if (asJson)
                JsonOut.Write(RedTeamView.Json(report));
            else
                RedTeamView.Print(Console.Out, report);
            return report.Passed ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }
}
