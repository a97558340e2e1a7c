using System.Text;
using System.Text.Json;
using Ratchet.IntegrationTests.Support;

namespace Ratchet.IntegrationTests.Cli;

/// <summary><c>ratchet run</c> restarts itself once with call counting off (src/Ratchet.Cli/LoopRuntime.cs): the
/// running process carries the setting, what it starts does not, and a user's own choice is left alone.</summary>
public sealed class LoopRuntimeCliTests
{
    private const string Setting = "DOTNET_TC_CallCountingDelayMs";

    [Fact]
    public async Task Run_RestartsWithCallCountingOff_AndNothingItStartsInheritsTheSetting()
    {
        using var task = ShellTask();

        var (environment, run) = await RunWatchingEnvironment(task);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"{Setting}=7FFFFFFF", environment);
        Assert.Contains("RATCHET_LOOP_RUNTIME=1", environment);
        // The task passes the variable by name ([run] env): a process the run started would print its value.
        Assert.Contains("setting=unset\n", await BestStdout(task), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithTheSettingChosenByTheUser_KeepsItAndDoesNotRestart()
    {
        using var task = ShellTask();
        task.Ratchet.Environment[Setting] = "64";

        var (environment, run) = await RunWatchingEnvironment(task);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"{Setting}=64", environment);
        Assert.DoesNotContain("RATCHET_LOOP_RUNTIME", environment);
        Assert.Contains("setting=64\n", await BestStdout(task), StringComparison.Ordinal);
    }

    /// <summary>A one-candidate task whose run prints the setting as it sees it and lasts long enough to be watched.</summary>
    private static TaskFolder ShellTask()
    {
        var task = new TaskFolder();
        task.Write("ratchet.toml", """
            name = "loop-runtime"
            [program]
            files = ["run.sh"]
            [run]
            command = ["sh", "run.sh"]
            env = ["DOTNET_TC_CallCountingDelayMs"]
            [score]
            command = ["sh", "score.sh"]
            inputs = ["score.sh"]
            [objective]
            metric = "score"
            direction = "maximize"

            """);
        task.Write("run.sh", "echo \"setting=${DOTNET_TC_CallCountingDelayMs-unset}\"\nsleep 1\necho 1 > \"$RATCHET_OUT/value\"\n");
        task.Write("score.sh", "read v < \"$RATCHET_RUN_OUT/value\"; echo \"{\\\"score\\\": $v}\"\n");
        task.Write("policy.toml", PythonTask.QuietPolicy);
        return task;
    }

    /// <summary>Runs one evaluation and reads the run process's environment (as its current program received it)
    /// while it runs.</summary>
    private static async Task<(string Environment, RatchetProcess.Result Run)> RunWatchingEnvironment(TaskFolder task)
    {
        using var process = task.Ratchet.Start("run", task.Dir, "--evaluations", "1", "--workers", "1", "--json");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var environment = "";
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        // A restart happens within the first tenth of a second and the candidate sleeps a second: watch for 0.6 s.
        for (var watched = 0; watched < 30 && !process.HasExited && !environment.Contains("RATCHET_LOOP_RUNTIME=1", StringComparison.Ordinal); watched++)
        {
            try
            {
                environment = Encoding.UTF8.GetString(File.ReadAllBytes($"/proc/{process.Id}/environ")).Replace('\0', '\n');
            }
            catch (IOException)
            {
                // Gone meanwhile: the last reading stands.
            }

            await Task.Delay(20, timeout.Token);
        }

        await process.WaitForExitAsync(timeout.Token);
        return (environment, new RatchetProcess.Result(process.ExitCode, await stdout, await stderr));
    }

    private static async Task<string> BestStdout(TaskFolder task)
    {
        var status = JsonDocument.Parse((await task.Ratchet.RunAsync("status", task.Dir, "--json")).Stdout).RootElement;
        var id = status.GetProperty("best").GetProperty("id").GetString()!;
        return (await task.Ratchet.RunAsync("show", task.Dir, id[..8])).Stdout;
    }
}
