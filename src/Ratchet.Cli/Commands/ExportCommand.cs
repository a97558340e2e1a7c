using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Ratchet.Cli.Output;
using Ratchet.Common;
using Ratchet.Evaluation;
using Ratchet.Storage;

namespace Ratchet.Cli.Commands;

/// <summary><c>ratchet export &lt;task&gt; --jsonl FILE | --git DIR</c>: the run in other tools' formats.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var task = CommonOptions.Task();
        var state = CommonOptions.State();
        var json = CommonOptions.Json();
        var jsonl = new Option<string?>("--jsonl") { Description = "Write one JSON line per evaluation (for pandas: pd.read_json(FILE, lines=True)).", HelpName = "FILE" };
        var git = new Option<string?>("--git") { Description = "Write the champion lineage as a git branch in a new folder, one commit per promotion.", HelpName = "DIR" };
        var command = new Command("export", "Export the run: --jsonl FILE (every evaluation) or --git DIR (the champion lineage).") { task, state, jsonl, git, json };
        command.SetAction(parse =>
        {
            var context = TaskContext.Resolve(parse.GetValue(task)!, parse.GetValue(state));
            var jsonlPath = parse.GetValue(jsonl);
            var gitPath = parse.GetValue(git);
            if (jsonlPath is null == (gitPath is null))
                throw new CliException("give exactly one of --jsonl FILE and --git DIR, e.g. `ratchet export examples/poly-fit --jsonl runs.jsonl`.");
            using var store = context.OpenStore();
            var written = jsonlPath is not null
                ? UserPath.Writing(Path.GetFullPath(jsonlPath), "--jsonl FILE", () => WriteJsonl(store, Path.GetFullPath(jsonlPath)))
                : UserPath.Writing(Path.GetFullPath(gitPath!), "--git DIR", () => WriteGit(store, Path.GetFullPath(gitPath!)));
            if (parse.GetValue(json))
                JsonOut.Write(new { path = Path.GetFullPath(jsonlPath ?? gitPath!), count = written });
            else
                Console.Out.WriteLine(jsonlPath is not null ? $"wrote {written} evaluations to {jsonlPath}" : $"wrote {written} promotion commits to {gitPath} (branch ratchet/lineage)");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static long WriteJsonl(Store store, string path)
    {
        using var writer = new StreamWriter(path);
        long count = 0;
        foreach (var c in store.Candidates())
        {
            var row = new Dictionary<string, object?>
            {
                ["id"] = c.Id,
                ["seq"] = c.Seq,
                ["label"] = c.Label,
                ["parent"] = c.Parent,
                ["operator"] = c.Operator,
                ["status"] = c.Status.ToWire(),
                ["outcome"] = c.Outcome?.ToWire(),
                ["score"] = c.Score,
                ["holdout_score"] = c.HoldoutScore,
                ["promoted"] = c.Promoted,
                ["length"] = c.Length,
                ["cpu_seconds"] = c.Resources?.CpuSeconds,
                ["wall_seconds"] = c.Resources?.WallSeconds,
                ["max_rss_mb"] = c.Resources?.MaxRssMb,
                ["sandbox_runs"] = c.SandboxRuns,
                ["total_cpu_seconds"] = c.CpuSeconds,
                ["reasons"] = c.Reasons,
                ["metrics"] = c.Metrics is null ? null : JsonSerializer.Deserialize<JsonElement>(c.Metrics),
                ["proposed_at"] = c.ProposedAt,
                ["evaluated_at"] = c.EvaluatedAt,
                ["decided_at"] = c.DecidedAt,
            };
            writer.Write(JsonSerializer.Serialize(row, Json.Options));
            writer.Write('\n');
            count++;
        }
        return count;
    }

    private static long WriteGit(Store store, string directory)
    {
        if (File.Exists(directory))
            throw new CliException($"{directory} is a file: --git writes a new repository; give a new or empty folder.");
        if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
            throw new CliException($"{directory} is not empty: --git writes a new repository; give a new or empty folder.");
        Directory.CreateDirectory(directory);
        Git(directory, null, "init", "-q", "-b", "ratchet/lineage");
        var history = store.ChampionHistory();
        var previous = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (candidateId, seq, score, at) in history)
        {
            var candidate = store.GetCandidate(candidateId)!;
            var program = store.LoadProgram(candidateId);
            foreach (var stale in previous.Except(program.Files.Keys))
                File.Delete(Path.Combine(directory, stale));
            foreach (var (path, content) in program.Files)
            {
                var target = Path.Combine(directory, path);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllText(target, content);
            }
            previous = [.. program.Files.Keys];
            var message = $"#{seq} {candidate.Label}: score {score:G10}\n\ncandidate {candidateId}\nparent {candidate.Parent ?? "none"}\noperator {candidate.Operator}\nmetrics {candidate.Metrics}\n";
            Git(directory, null, "add", "-A");
            Git(directory, at, "commit", "-q", "--allow-empty", "-m", message);
        }
        return history.Count;
    }

    private static void Git(string directory, string? date, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["GIT_AUTHOR_NAME"] = "Ratchet";
        start.Environment["GIT_AUTHOR_EMAIL"] = "ratchet@localhost";
        start.Environment["GIT_COMMITTER_NAME"] = "Ratchet";
        start.Environment["GIT_COMMITTER_EMAIL"] = "ratchet@localhost";
        if (date is not null)
        {
            start.Environment["GIT_AUTHOR_DATE"] = date;
            start.Environment["GIT_COMMITTER_DATE"] = date;
        }
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new CliException("export --git needs git: install it (`apt-get install -y git`).", ExitCodes.Environment);
        }
        using (process)
        {
            var stderr = process.StandardError.ReadToEnd();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new CliException($"git {args[0]} failed in {directory}: {stderr.Trim()}", ExitCodes.Environment);
        }
    }
}
