using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Ratchet.IntegrationTests.Support;

namespace Ratchet.IntegrationTests.Cli;

public sealed class RunCliTests
{
    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    [Fact]
    public async Task Run_Replay_ThenEveryReadingVerb_ShowsTheSameRun()
    {
        using var task = PythonTask.Create();
        var replay = task.Replay(("better", PythonTask.WithValue(2)), ("worse", PythonTask.WithValue(0.5)), ("best", PythonTask.WithValue(3)));
        var run = await task.Ratchet.RunAsync("run", task.Dir, "--replay", replay, "--workers", "1", "--json");
        Assert.True(run.ExitCode == 0, run.ToString());
        var summary = Json(run.Stdout);
        Assert.Equal("finished", summary.GetProperty("state").GetString());
        Assert.Equal(4, summary.GetProperty("evaluations").GetInt64());
        Assert.Equal(3.0, summary.GetProperty("best").GetProperty("score").GetDouble());

        var status = Json((await task.Ratchet.RunAsync("status", task.Dir, "--json")).Stdout);
        Assert.Equal("finished", status.GetProperty("state").GetString());
        Assert.Equal(4, status.GetProperty("evaluations").GetInt64());
        Assert.Equal(4, status.GetProperty("outcomes").GetProperty("ok").GetInt64());
        Assert.Equal("bubblewrap", status.GetProperty("sandbox").GetProperty("mode").GetString());
        var bestId = status.GetProperty("best").GetProperty("id").GetString()!;

        var candidates = Json((await task.Ratchet.RunAsync("candidates", task.Dir, "--json")).Stdout).EnumerateArray().ToArray();
        Assert.Equal(["initial", "better", "worse", "best"], candidates.Select(c => c.GetProperty("label").GetString()));
        Assert.Equal(["accepted", "accepted", "accepted", "champion"], candidates.Select(c => c.GetProperty("status").GetString()));
        Assert.Equal([true, true, false, true], candidates.Select(c => c.GetProperty("promoted").GetBoolean()));
        Assert.True(candidates[0].GetProperty("parent").ValueKind == JsonValueKind.Null);
        foreach (var key in new[] { "id", "label", "parent", "status", "outcome", "score", "reasons", "promoted" })
            Assert.True(candidates[1].TryGetProperty(key, out _), key);

        var show = await task.Ratchet.RunAsync("show", task.Dir, bestId[..8]);
        Assert.Contains("-VALUE = 2", show.Stdout);
        Assert.Contains("+VALUE = 3", show.Stdout);
        Assert.Contains("holdout", show.Stdout);

        var outDir = Path.Combine(task.Root, "best");
        Assert.Equal(0, (await task.Ratchet.RunAsync("best", task.Dir, "--out", outDir)).ExitCode);
        Assert.Equal(PythonTask.WithValue(3), File.ReadAllText(Path.Combine(outDir, "program.py")));

        var log = (await task.Ratchet.RunAsync("log", task.Dir, "--json")).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var types = log.Select(l => Json(l).GetProperty("type").GetString()).ToArray();
        Assert.Equal("run-started", types[0]);
        Assert.Equal("run-finished", types[^1]);
        Assert.Equal(3, types.Count(t => t == "promotion"));
        Assert.Equal(4, types.Count(t => t == "evaluation"));

        Assert.Equal(0, (await task.Ratchet.RunAsync("audit", "verify", task.Dir)).ExitCode);

        var jsonl = Path.Combine(task.Root, "runs.jsonl");
        Assert.Equal(0, (await task.Ratchet.RunAsync("export", task.Dir, "--jsonl", jsonl)).ExitCode);
        Assert.Equal(4, File.ReadAllLines(jsonl).Length);
        var gitDir = Path.Combine(task.Root, "lineage");
        var export = await task.Ratchet.RunAsync("export", task.Dir, "--git", gitDir);
        Assert.True(export.ExitCode == 0, export.ToString());
        var gitLog = Process.Start(new ProcessStartInfo("git", ["-C", gitDir, "log", "--format=%s"]) { RedirectStandardOutput = true })!;
        var subjects = (await gitLog.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken)).Trim().Split('\n');
        Assert.Equal(3, subjects.Length);
        Assert.StartsWith("#3 best: score 3", subjects[0]);
    }

    [Fact]
    public async Task Run_WhenTheStoreCannotOpen_SaysWhyAndEndsTheSandboxMadeMeanwhile()
    {
        using var task = PythonTask.Create();
        task.Ratchet.Environment["RATCHET_HOME"] = Path.Combine(task.Dir, "home");

        var run = await task.Ratchet.RunAsync("run", task.Dir, "--replay", task.Replay(("better", PythonTask.WithValue(2))), "--json");

        Assert.True(run.ExitCode != 0, run.ToString());
        Assert.Contains("is inside the task folder", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
        var staging = Path.Combine(task.Dir, ".ratchet", "sbx");
        Assert.True(Directory.Exists(staging), "the sandbox was not made alongside opening the store");
        Assert.Empty(Directory.EnumerateDirectories(staging));
        Assert.Empty(Directory.EnumerateFiles(staging, "*.lock"));
    }

    [Fact]
    public async Task Run_KilledWithSigkillAtAnyMoment_ThenRerun_FinishesWithExactlyNEvaluations()
    {
        using var task = PythonTask.Create();
        var proposals = Enumerable.Range(1, 40).Select(i => ($"v{i}", PythonTask.WithValue(1 + i * 0.01))).ToArray();
        var replay = task.Replay(proposals);
        var args = new[] { "run", task.Dir, "--replay", replay, "--evaluations", "25", "--workers", "2" };
        for (var kill = 0; kill < 2; kill++)
        {
            using var process = task.Ratchet.Start(args);
            await WaitForEvaluations(task, 4 + kill * 6, process);
            process.Kill();
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            var status = Json((await task.Ratchet.RunAsync("status", task.Dir, "--json")).Stdout);
            Assert.Equal("interrupted", status.GetProperty("state").GetString());
        }
        var final = await task.Ratchet.RunAsync(args);
        Assert.True(final.ExitCode == 0, final.ToString());
        var candidates = Json((await task.Ratchet.RunAsync("candidates", task.Dir, "--json")).Stdout).EnumerateArray().ToArray();
        Assert.Equal(25, candidates.Length);
        Assert.Equal(25, candidates.Select(c => c.GetProperty("id").GetString()).Distinct().Count());
        Assert.Equal(["initial", .. Enumerable.Range(1, 24).Select(i => $"v{i}")], candidates.Select(c => c.GetProperty("label").GetString()));
        Assert.All(candidates, c => Assert.NotEqual("pending", c.GetProperty("status").GetString()));
        var log = (await task.Ratchet.RunAsync("log", task.Dir, "--json")).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(25, log.Count(l => Json(l).GetProperty("type").GetString() == "evaluation"));
        var verify = await task.Ratchet.RunAsync("audit", "verify", task.Dir);
        Assert.True(verify.ExitCode == 0, verify.ToString());
    }

    private static async Task WaitForEvaluations(TaskFolder task, int count, Process process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            if (File.Exists(task.DatabasePath))
            {
                try
                {
                    using var db = new SqliteConnection($"Data Source={task.DatabasePath};Mode=ReadOnly;Pooling=False");
                    db.Open();
                    using var command = db.CreateCommand();
                    command.CommandText = "SELECT count(*) FROM candidates WHERE outcome IS NOT NULL";
                    if ((long)command.ExecuteScalar()! >= count)
                        return;
                }
                catch (SqliteException)
                {
                }
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"fewer than {count} evaluations after 90 s (exited: {process.HasExited})");
    }

    [Theory]
    [InlineData("edit", "UPDATE ledger SET payload = payload || ' ' WHERE seq = 5")]
    [InlineData("delete", "DELETE FROM ledger WHERE seq = 5")]
    [InlineData("reorder", "UPDATE ledger SET seq = -1 WHERE seq = 5; UPDATE ledger SET seq = 5 WHERE seq = 6; UPDATE ledger SET seq = 6 WHERE seq = -1")]
    [InlineData("truncate", "DELETE FROM ledger WHERE seq > 5")]
    public async Task AuditVerify_AfterTampering_ExitsOneAndNamesTheFirstBadEvent(string kind, string sql)
    {
        using var task = PythonTask.Create();
        var replay = task.Replay(("a", PythonTask.WithValue(2)), ("b", PythonTask.WithValue(3)));
        Assert.Equal(0, (await task.Ratchet.RunAsync("run", task.Dir, "--replay", replay, "--workers", "1")).ExitCode);
        Assert.Equal(0, (await task.Ratchet.RunAsync("audit", "verify", task.Dir)).ExitCode);
        using (var db = new SqliteConnection($"Data Source={task.DatabasePath};Pooling=False"))
        {
            db.Open();
            using var command = db.CreateCommand();
            command.CommandText = sql;
            Assert.True(command.ExecuteNonQuery() > 0, kind);
        }
        var verify = await task.Ratchet.RunAsync("audit", "verify", task.Dir, "--json");
        Assert.Equal(1, verify.ExitCode);
        var result = Json(verify.Stdout);
        Assert.False(result.GetProperty("intact").GetBoolean());
        Assert.Equal(kind == "truncate" ? 6 : 5, result.GetProperty("first_bad_seq").GetInt64());
    }

    [Fact]
    public async Task Run_MalformedTaskFile_ExitsTwoWithEveryErrorAndNoStackTrace()
    {
        using var task = PythonTask.Create();
        task.Write("ratchet.toml", """
            name = "bad"
            [program]
            files = ["program.py"]
            [run]
            comand = ["python3", "program.py"]
            [score]
            command = ["python3", "score.py"]
            inputs = ["score.py", "missing.json"]
            [objective]
            metric = "score"
            direction = "upward"

            """);
        var run = await task.Ratchet.RunAsync("run", task.Dir);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("comand", run.Stderr);
        Assert.Contains("did you mean 'command'?", run.Stderr);
        Assert.Contains("missing.json", run.Stderr);
        Assert.Contains("upward", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
        Assert.False(Directory.Exists(task.State));
    }

    [Fact]
    public async Task Run_WithCpus_PinsTheCandidatesProcesses_AndACpuThisProcessCannotUseIsAUsageError()
    {
        using var task = PythonTask.Create();
        var last = Ratchet.Sandbox.CpuList.Allowed()[^1];
        task.Write("program.py", PythonTask.Initial + "print('pinned-to=' + open('/proc/self/status').read().split('Cpus_allowed_list:')[1].split()[0])\n");

        var run = await task.Ratchet.RunAsync("run", task.Dir, "--evaluations", "1", "--workers", "1", "--cpus", $"{last}", "--json");
        var wrong = await task.Ratchet.RunAsync("run", task.Dir, "--evaluations", "1", "--cpus", "4095");
        var garbled = await task.Ratchet.RunAsync("run", task.Dir, "--evaluations", "1", "--cpus", "1-x");

        Assert.True(run.ExitCode == 0, run.ToString());
        var id = Json((await task.Ratchet.RunAsync("status", task.Dir, "--json")).Stdout).GetProperty("best").GetProperty("id").GetString()!;
        Assert.Contains($"pinned-to={last}\n", (await task.Ratchet.RunAsync("show", task.Dir, id[..8])).Stdout, StringComparison.Ordinal);
        Assert.Equal(2, wrong.ExitCode);
        Assert.Contains("--cpus 4095: this process may use CPUs", wrong.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, garbled.ExitCode);
        Assert.Contains("--cpus 1-x: '1-x' is not a CPU number or range", garbled.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", wrong.Stderr + garbled.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithTwoWorkers_PinsEachWorkersSandboxesToItsOwnCpus_UnlessSharedCpusIsGiven()
    {
        var allowed = Ratchet.Sandbox.CpuList.Allowed();
        Assert.SkipWhen(allowed.Count < 2, "one CPU: nothing to split between two workers");
        using var task = PythonTask.Create();
        const string Probe = "import time; time.sleep(0.3)\nprint('pinned-to=' + open('/proc/self/status').read().split('Cpus_allowed_list:')[1].split()[0])\n";
        task.Write("program.py", PythonTask.Initial + Probe);
        var replay = task.Replay([.. Enumerable.Range(2, 4).Select(v => ($"v{v}", PythonTask.WithValue(v) + Probe))]);
        var shares = new[] { allowed.Take(allowed.Count / 2), allowed.Skip(allowed.Count / 2) }.Select(Ratchet.Sandbox.CpuList.Format).ToArray();

        var pinned = await task.Ratchet.RunAsync("run", task.Dir, "--replay", replay, "--workers", "2", "--evaluations", "5", "--json");
        var sharedState = Path.Combine(task.Root, "shared-state");
        var shared = await task.Ratchet.RunAsync("run", task.Dir, "--state", sharedState, "--replay", replay, "--workers", "2", "--evaluations", "3", "--shared-cpus", "--json");

        Assert.True(pinned.ExitCode == 0, pinned.ToString());
        Assert.True(shared.ExitCode == 0, shared.ToString());
        Assert.Equal(shares, WorkerCpus(await task.Ratchet.RunAsync("log", task.Dir, "--json")));
        var seen = await PinnedTo(task, null);
        Assert.Equal(5, seen.Count);
        Assert.All(seen, cpus => Assert.Contains(Ratchet.Sandbox.CpuList.Format(cpus), shares));
        Assert.Null(WorkerCpus(await task.Ratchet.RunAsync("log", task.Dir, "--state", sharedState, "--json")));
        Assert.All(await PinnedTo(task, sharedState), cpus => Assert.Equal(allowed, cpus));

        static string[]? WorkerCpus(RatchetProcess.Result log)
        {
            var started = log.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => Json(line)).Single(e => e.GetProperty("type").GetString() == "run-started");
            // Ledger payloads leave out what is null: no split, no field.
            return started.GetProperty("payload").TryGetProperty("worker_cpus", out var cpus) ? cpus.EnumerateArray().Select(c => c.GetString()!).ToArray() : null;
        }

        // The CPUs each candidate's run saw (the kernel writes 0-1 where CpuList.Format writes 0,1), from its stdout
        // tail in `show`.
        static async Task<List<IReadOnlyList<int>>> PinnedTo(TaskFolder task, string? state)
        {
            var where = state is null ? Array.Empty<string>() : ["--state", state];
            var candidates = Json((await task.Ratchet.RunAsync(["candidates", task.Dir, .. where, "--json"])).Stdout).EnumerateArray();
            var seen = new List<IReadOnlyList<int>>();
            foreach (var id in candidates.Select(c => c.GetProperty("id").GetString()!))
            {
                var show = (await task.Ratchet.RunAsync(["show", task.Dir, id[..8], .. where])).Stdout;
                seen.Add(Ratchet.Sandbox.CpuList.Parse(show.Split("pinned-to=")[1].Split('\n')[0].Trim(), out _)!);
            }
            return seen;
        }
    }

    [Fact]
    public async Task Status_OfATaskNeverRun_SaysNew()
    {
        using var task = PythonTask.Create();
        var status = await task.Ratchet.RunAsync("status", task.Dir, "--json");
        Assert.Equal(0, status.ExitCode);
        Assert.Equal("new", Json(status.Stdout).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Show_UnknownId_ExitsTwoNamingTheFix()
    {
        using var task = PythonTask.Create();
        Assert.Equal(0, (await task.Ratchet.RunAsync("run", task.Dir, "--replay", task.Replay(("a", PythonTask.WithValue(2))))).ExitCode);
        var show = await task.Ratchet.RunAsync("show", task.Dir, "ffffffff");
        Assert.Equal(2, show.ExitCode);
        Assert.Contains("ratchet candidates", show.Stderr);
    }

    [Fact]
    public async Task Run_WithBadOptions_ExitsTwoNamingTheOption_AndMakesNoStateFolder()
    {
        using var task = PythonTask.Create();

        var workers = await task.Ratchet.RunAsync("run", task.Dir, "--workers", "0");
        var evaluations = await task.Ratchet.RunAsync("run", task.Dir, "--evaluations", "-3");
        var proposer = await task.Ratchet.RunAsync("run", task.Dir, "--proposer", "replya");
        var replay = await task.Ratchet.RunAsync("run", task.Dir, "--replay", Path.Combine(task.Dir, "no-such.jsonl"));
        var improver = await task.Ratchet.RunAsync("run", task.Dir, "--improver", Path.Combine(task.Dir, "no-such.toml"));

        Assert.All([workers, evaluations, proposer, replay, improver], result =>
        {
            Assert.Equal(2, result.ExitCode);
            Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        });
        Assert.Contains("--workers must be at least 1 (found 0)", workers.Stderr, StringComparison.Ordinal);
        Assert.Contains("--evaluations must be at least 1", evaluations.Stderr, StringComparison.Ordinal);
        Assert.Contains("did you mean 'replay'?", proposer.Stderr, StringComparison.Ordinal);
        Assert.Contains("no-such.jsonl does not exist", replay.Stderr, StringComparison.Ordinal);
        Assert.Contains("no-such.toml' does not exist", improver.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(task.State), "a rejected command line left a state folder");
    }

    [Fact]
    public async Task PathsThatCannotBeWritten_ExitWithAnErrorNamingThePath_NotAStackTrace()
    {
        using var task = PythonTask.Create();
        Assert.Equal(0, (await task.Ratchet.RunAsync("run", task.Dir, "--evaluations", "1")).ExitCode);
        var file = Path.Combine(task.Dir, "data", "x.json");
        var missing = Path.Combine(task.Dir, "no", "such", "folder");

        var stateIsAFile = await task.Ratchet.RunAsync("run", task.Dir, "--state", file);
        var taskIsAFile = await task.Ratchet.RunAsync("status", file);
        var gitIsAFile = await task.Ratchet.RunAsync("export", task.Dir, "--git", file);
        var jsonlNowhere = await task.Ratchet.RunAsync("export", task.Dir, "--jsonl", Path.Combine(missing, "runs.jsonl"));
        var bestUnderAFile = await task.Ratchet.RunAsync("best", task.Dir, "--out", Path.Combine(file, "out"));

        Assert.Equal(2, stateIsAFile.ExitCode);
        Assert.Contains("--state must name a folder", stateIsAFile.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, taskIsAFile.ExitCode);
        Assert.Contains("is a file, not a task folder", taskIsAFile.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, gitIsAFile.ExitCode);
        Assert.Contains("is a file: --git writes a new repository", gitIsAFile.Stderr, StringComparison.Ordinal);
        Assert.Equal(3, jsonlNowhere.ExitCode);
        Assert.Contains($"cannot write {Path.Combine(missing, "runs.jsonl")} (--jsonl FILE)", jsonlNowhere.Stderr, StringComparison.Ordinal);
        Assert.Equal(3, bestUnderAFile.ExitCode);
        Assert.Contains("(--out DIR)", bestUnderAFile.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stateIsAFile.Stderr + gitIsAFile.Stderr + jsonlNowhere.Stderr + bestUnderAFile.Stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(file), "the file named by mistake is still there");
    }
}
