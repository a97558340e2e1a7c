using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Ratchet.Tasks;

namespace Ratchet.Tests.Tasks;

public sealed class TaskTemplateTests
{
    private const string DebianPython = "/usr/bin/python3";

    [Fact]
    public void Write_IntoANewFolder_WritesATaskThatLoadsWithoutErrors()
    {
        using var temp = new TempTask();
        var folder = Path.Combine(temp.Root, "my-task");

        var result = TaskTemplate.Write(folder);
        var load = TaskLoader.Load(folder);

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.True(load.Succeeded, load.Errors?.Format());
        Assert.Equal("my-task", load.Task.Name);
        Assert.NotNull(load.Task.Run);
        Assert.NotNull(load.Task.Score);
        Assert.NotNull(load.Task.Holdout);
        Assert.Equal(300, load.Task.Budget.Evaluations);
        Assert.Equal(8, result.Written.Count);
        Assert.True(File.Exists(Path.Combine(folder, "README.md")));
    }

    [Fact]
    public void Write_WhenRatchetTomlExists_RefusesNamingItAndWritesNothing()
    {
        using var temp = new TempTask();
        temp.Write("ratchet.toml", "name = \"mine\"\n");

        var result = TaskTemplate.Write(temp.Root);

        Assert.False(result.Succeeded);
        Assert.Equal(TaskTemplateErrorKind.AlreadyExists, result.Error.Kind);
        Assert.Equal([temp.PathOf("ratchet.toml")], result.Error.Paths);
        Assert.Equal($"{temp.PathOf("ratchet.toml")} already exists; ratchet init never overwrites a task: choose a new folder, or delete the file to start over", result.Error.Message);
        Assert.Equal("name = \"mine\"\n", File.ReadAllText(temp.PathOf("ratchet.toml")));
        Assert.False(File.Exists(temp.PathOf("program.py")));
    }

    [Fact]
    public void Write_WhenOtherTemplateFilesExist_RefusesToOverwriteThem()
    {
        using var temp = new TempTask();
        temp.Write("program.py", "mine\n");

        var result = TaskTemplate.Write(temp.Root);

        Assert.Equal($"program.py already exists in {temp.Root}; ratchet init never overwrites files: choose a new or empty folder", result.Error!.Message);
        Assert.Equal("mine\n", File.ReadAllText(temp.PathOf("program.py")));
    }

    [Theory]
    [InlineData("/tmp/My Task!", "My-Task")]
    [InlineData("/tmp/poly", "poly")]
    [InlineData("/tmp/...", "poly-fit")]
    public void NameFor_GivenFolderName_MakesAValidTaskName(string folder, string expected)
    {
        Assert.Equal(expected, TaskTemplate.NameFor(folder));
    }

    [Fact]
    public void Template_RunAndScoredWithDebianPython_GivesFiniteMseThatBetterCoefficientsLower()
    {
        Assert.SkipUnless(File.Exists(DebianPython), $"{DebianPython} is not installed");
        using var temp = new TempTask();
        TaskTemplate.Write(temp.Root);

        var baseline = RunAndScore(temp, "data");
        var holdout = RunAndScore(temp, "sealed");
        var program = File.ReadAllText(temp.PathOf("program.py"));
        File.WriteAllText(temp.PathOf("program.py"), program.Replace("A = 0.0\nB = 0.0\nC = 0.0\nD = 0.0", "A = 2.0\nB = 0.3\nC = -1.2\nD = 0.5"));
        var fitted = RunAndScore(temp, "data");

        Assert.True(baseline > 1, $"baseline mse {baseline}");
        Assert.True(holdout > 1, $"holdout mse {holdout}");
        Assert.True(fitted < 0.01, $"fitted mse {fitted}");
    }

    // Runs program.py then score.py the way the sandbox would, with data/ or sealed/ files at data/.
    private static double RunAndScore(TempTask task, string dataFolder)
    {
        using var work = new TempTask();
        File.Copy(task.PathOf("program.py"), work.PathOf("program.py"));
        File.Copy(task.PathOf("score.py"), work.PathOf("score.py"));
        work.Write("data/x.json", File.ReadAllText(task.PathOf($"{dataFolder}/x.json")));
        work.Write("data/y.json", File.ReadAllText(task.PathOf($"{dataFolder}/y.json")));
        Python(work.Root, "program.py");
        var lastLine = Python(work.Root, "score.py").TrimEnd().Split('\n')[^1];
        using var json = JsonDocument.Parse(lastLine);
        Assert.True(json.RootElement.GetProperty("valid").GetBoolean(), lastLine);
        var mse = json.RootElement.GetProperty("mse").GetDouble();
        Assert.True(double.IsFinite(mse), mse.ToString(CultureInfo.InvariantCulture));
        return mse;
    }

    private static string Python(string folder, string script)
    {
        var start = new ProcessStartInfo(DebianPython, [script])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["RATCHET_OUT"] = Path.Combine(folder, "out");
        start.Environment["RATCHET_RUN_OUT"] = Path.Combine(folder, "out");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{script} exited {process.ExitCode}: {error}");
        return output;
    }
}
