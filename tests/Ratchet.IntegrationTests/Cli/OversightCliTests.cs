using System.Diagnostics;
using System.Text.Json;
using Ratchet.IntegrationTests.Support;

namespace Ratchet.IntegrationTests.Cli;

/// <summary>Real runs (CLI, bubblewrap, SQLite) that hit each tripwire and wait for a human, answered from a second
/// process; and the kill switch from a second process while sandboxes run. The ledger is verified after each.</summary>
public sealed class OversightCliTests
{
    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    private static string Policy(string overrides) => PythonTask.QuietPolicy + overrides;

    private static string WithTripwire(string key, string value) =>
        PythonTask.QuietPolicy.Replace($"{key} = false", $"{key} = {value}");

    private static async Task<JsonElement> WaitForPending(TaskFolder task, Process run, string? kind = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (run.HasExited)
                Assert.Fail($"the run exited ({run.ExitCode}) before asking: {await run.StandardError.ReadToEndAsync()}");
            var pending = await task.Ratchet.RunAsync("pending", task.Dir, "--json");
            if (pending.ExitCode == 0)
            {
                var items = Json(pending.Stdout).EnumerateArray().Where(i => kind is null || i.GetProperty("kind").GetString() == kind).ToArray();
                if (items.Length > 0)
                    return items[0];
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("no pending request appeared within 90 s");
    }

    private static async Task<int> Finish(Process run)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await run.WaitForExitAsync(cts.Token);
        return run.ExitCode;
    }

    private static async Task Verified(TaskFolder task)
    {
        var verify = await task.Ratchet.RunAsync("audit", "verify", task.Dir);
        Assert.True(verify.ExitCode == 0, verify.ToString());
    }

    private static Process StartRun(TaskFolder task, string replay, params string[] extra)
    {
        var run = task.Ratchet.Start(["run", task.Dir, "--replay", replay, "--workers", "1", .. extra]);
        run.StandardInput.Close();
        return run;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Promotion_AskedForEveryPromotion_IsAnsweredFromASecondProcess(bool approve)
    {
        using var task = PythonTask.Create(policy: Policy("").Replace("[approval]", "[approval]\nevery_promotion = true"));
        using var run = StartRun(task, task.Replay(("better", PythonTask.WithValue(2))));
        var item = await WaitForPending(task, run, "promotion");
        Assert.Equal(2.0, item.GetProperty("score").GetDouble());
        Assert.Equal(1.0, item.GetProperty("champion_score").GetDouble());
        Assert.Equal(1, item.GetProperty("diff").GetProperty("added").GetInt32());
        Assert.Equal("waiting-approval", Json((await task.Ratchet.RunAsync("status", task.Dir, "--json")).Stdout).GetProperty("state").GetString());
        var id = item.GetProperty("id").GetInt64().ToString();
        var answer = await task.Ratchet.RunAsync(approve ? "approve" : "reject", task.Dir, id, "--note", "checked by a test", "--by", "alice");
        Assert.True(answer.ExitCode == 0, answer.ToString());
        Assert.Equal(0, await Finish(run));
        var status = Json((await task.Ratchet.RunAsync("status", task.Dir, "--json")).Stdout);
        Assert.Equal(approve ? 2.0 : 1.0, status.GetProperty("best").GetProperty("score").GetDouble());
        // Verdict counts include passes (the initial program and the candidate passed the static rules).
        var audits = status.GetProperty("oversight").GetProperty("audits");
        Assert.True(audits.TryGetProperty("static-rules:pass", out var passes) && passes.GetInt64() >= 1, audits.ToString());
        var log = (await task.Ratchet.RunAsync("log", task.Dir, "--json")).Stdout;
        Assert.Contains(approve ? "\"approved\"" : "\"rejected-by-human\"", log);
        Assert.Contains("alice", log);
        var again = await task.Ratchet.RunAsync("approve", task.Dir, id);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already answered", again.Stderr);
        await Verified(task);
    }

    public static TheoryData<string, string, string[]> Tripwires => new()
    {
        // name, policy, program values in order (the initial program is 1.0)
        { "score-jump", WithTripwire("score_jump_relative", "0.5"), ["1.1", "1.2", "3.0"] },
        { "acceleration", WithTripwire("acceleration_doubling_evaluations", "100.0"), ["1.1", "1.3", "1.7", "2.5"] },
        { "violations", WithTripwire("violations_count", "2"), ["symlink", "symlink", "1.5"] },
        { "budget-burn", WithTripwire("budget_burn_cpu_seconds_per_minute", "1.0"), ["burn", "1.5"] },
        { "protected-touch", WithTripwire("protected_touch", "true"), ["scorer", "1.5"] },
    };

    [Theory]
    [MemberData(nameof(Tripwires))]
    public async Task Tripwire_FiresOnARealRun_AndWaitsForAHuman(string tripwire, string policy, string[] values)
    {
        using var task = PythonTask.Create(policy: policy + "[auditors]\nstatic_rules = false\n");
        var proposals = values.Select((v, i) => ($"p{i}-{v}", v switch
        {
            "symlink" => $"import os\nos.symlink('/etc/passwd', os.path.join(os.environ['RATCHET_OUT'], 'result.json'))\n# {i}\n",
            "burn" => "import time\nt = time.process_time()\nwhile time.process_time() - t < 2.5:\n    pass\n" + PythonTask.WithValue(1.2),
            "scorer" => "",
            _ => PythonTask.WithValue(double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)),
        })).ToArray();
        var replay = task.Replay(proposals.Where(p => !p.Item1.EndsWith("scorer", StringComparison.Ordinal)).ToArray());
        if (values.Contains("scorer"))
        {
            var lines = File.ReadAllLines(replay).ToList();
            lines.Insert(0, JsonSerializer.Serialize(new { label = "overwrite scorer", files = new Dictionary<string, string> { ["score.py"] = "print('{\"score\": 1e9}')" } }));
            File.WriteAllLines(replay, lines);
        }
        using var run = StartRun(task, replay, "--evaluations", "20");
        var item = await WaitForPending(task, run);
        Assert.Contains(tripwire, item.GetProperty("reason").GetString());
        var log = (await task.Ratchet.RunAsync("log", task.Dir, "--json", "--type", "tripwire")).Stdout;
        Assert.Contains($"\"tripwire\":\"{tripwire}\"", log);
        var approve = await task.Ratchet.RunAsync("approve", task.Dir, item.GetProperty("id").GetInt64().ToString(), "--note", "seen");
        Assert.True(approve.ExitCode == 0, approve.ToString());
        Assert.Equal(0, await Finish(run));
        await Verified(task);
    }

    [Fact]
    public async Task PauseResumeStop_FromASecondProcess_WhileSandboxesRun()
    {
        using var task = PythonTask.Create(limits: "wall_seconds = 30\ncpu_seconds = 30\nmemory_mb = 256\nprocesses = 32\noutput_bytes = 65536");
        var slow = Enumerable.Range(1, 6).Select(i => ($"slow{i}", "import time\ntime.sleep(3)\n" + PythonTask.WithValue(1 + i))).ToArray();
        using var run = StartRun(task, task.Replay(slow));
        // The factory's trial sandbox runs before the run exists: wait for a real candidate's sandbox.
        await WaitForStatus(task, s => s.GetProperty("state").GetString() == "running" && s.GetProperty("evaluations").GetInt64() >= 2);
        await WaitForSandbox(task);

        var clock = Stopwatch.StartNew();
        var pause = await task.Ratchet.RunAsync("pause", task.Dir, "--note", "lunch");
        Assert.True(pause.ExitCode == 0, pause.ToString());
        await WaitForNoSandbox(task, TimeSpan.FromSeconds(3));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"pause took {clock.Elapsed}");
        Assert.Equal("paused", Json((await task.Ratchet.RunAsync("status", task.Dir, "--json")).Stdout).GetProperty("state").GetString());
        await Task.Delay(500, TestContext.Current.CancellationToken);
        Assert.False(run.HasExited);

        Assert.Equal(0, (await task.Ratchet.RunAsync("resume", task.Dir)).ExitCode);
        await WaitForSandbox(task);
        clock.Restart();
        Assert.Equal(0, (await task.Ratchet.RunAsync("stop", task.Dir, "--note", "enough")).ExitCode);
        Assert.Equal(0, await Finish(run));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"stop took {clock.Elapsed}");
        await WaitForNoSandbox(task, TimeSpan.FromSeconds(3));
        var status = Json((await task.Ratchet.RunAsync("status", task.Dir, "--json")).Stdout);
        Assert.Equal("stopped", status.GetProperty("state").GetString());
        var types = (await task.Ratchet.RunAsync("log", task.Dir, "--json")).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => Json(l).GetProperty("type").GetString()).ToList();
        Assert.Contains("run-paused", types);
        Assert.Contains("run-resumed", types);
        Assert.Contains("run-stopped", types);
        await Verified(task);
    }

    /// <summary>Processes in this task's sandbox cgroups (named after a hash of its state folder).</summary>
    private static int Sandboxes(TaskFolder task)
    {
        var marker = $"ratchet/{Ratchet.Sandbox.BubblewrapHost.StateTag(task.State)}-";
        var count = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!Path.GetFileName(dir).All(char.IsDigit))
                continue;
            try
            {
                if (File.ReadAllText(Path.Combine(dir, "cgroup")).Contains(marker, StringComparison.Ordinal))
                    count++;
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return count;
    }

    private static async Task WaitForStatus(TaskFolder task, Func<JsonElement, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var status = await task.Ratchet.RunAsync("status", task.Dir, "--json");
            if (status.ExitCode == 0 && condition(Json(status.Stdout)))
                return;
            await Task.Delay(100);
        }
        throw new TimeoutException("the status never matched");
    }

    private static async Task WaitForSandbox(TaskFolder task)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (Sandboxes(task) == 0)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("no sandbox started");
            await Task.Delay(50);
        }
    }

    private static async Task WaitForNoSandbox(TaskFolder task, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (Sandboxes(task) > 0)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"sandboxes still alive after {within}");
            await Task.Delay(50);
        }
    }
}
