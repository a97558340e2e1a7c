using Ratchet.Tasks;

namespace Ratchet.Tests.Tasks;

public sealed partial class TaskLoaderTests
{
    [Fact]
    public void Load_GivenFullValidFile_ReturnsExpectedSpec()
    {
        using var task = TempTask.Full();

        var result = TaskLoader.Load(task.Root);

        Assert.True(result.Succeeded, result.Errors?.Format());
        var spec = result.Task;
        Assert.Equal("poly-fit", spec.Name);
        Assert.Equal(task.Root, spec.Root);
        Assert.Equal(["program.py"], spec.Program.Files);
        Assert.Equal(["python3", "program.py"], spec.Run!.Command);
        Assert.Equal(["data/x.json"], spec.Run.Inputs);
        Assert.Equal(["OMP_NUM_THREADS"], spec.Run.Env);
        Assert.Equal(["python3", "score.py"], spec.Score!.Command);
        Assert.Equal(["score.py", "data/y.json"], spec.Score.Inputs);
        Assert.Empty(spec.Score.Env);
        Assert.Null(spec.Evaluate);
        Assert.False(spec.WeakerIsolation);
        Assert.Equal("sealed/x.json", Assert.Single(spec.Holdout!.Inputs, kv => kv.Key == "data/x.json").Value);
        Assert.Equal("sealed/y.json", Assert.Single(spec.Holdout.ScoreInputs, kv => kv.Key == "data/y.json").Value);
        Assert.Equal(new ObjectiveSpec("mse", Direction.Minimize, 1, 0.05, 0.0), spec.Objective);
        Assert.Equal(new BudgetSpec(300), spec.Budget);
        Assert.Equal(new LimitsSpec(10, 10, 512, 64, 1_048_576, 64), spec.Limits);
    }

    [Fact]
    public void Load_GivenMinimalEvaluateTask_AppliesDefaultsAndMarksWeakerIsolation()
    {
        using var task = new TempTask();
        task.Write("ratchet.toml", """
            name = "tiny"
            [program]
            files = ["program.py"]
            [evaluate]
            command = ["python3", "evaluate.py"]
            inputs = ["evaluate.py"]
            [objective]
            metric = "score"
            direction = "maximize"
            """);
        task.Write("program.py", "print(1)\n");
        task.Write("evaluate.py", "print(2)\n");

        var spec = TaskLoader.Load(task.Root).GetTaskOrThrow();

        Assert.True(spec.WeakerIsolation);
        Assert.Null(spec.Run);
        Assert.Null(spec.Holdout);
        Assert.Equal(new ObjectiveSpec("score", Direction.Maximize), spec.Objective);
        Assert.Equal(new BudgetSpec(), spec.Budget);
        Assert.Equal(new LimitsSpec(), spec.Limits);
    }

    [Fact]
    public void Load_GivenIntegersWhereFloatsAreExpected_AcceptsThem()
    {
        using var task = TempTask.Full();
        task.EditToml("min_gain = 0.0", "min_gain = 2");
        task.EditToml("evaluations = 300", "evaluations = 300\ncpu_seconds = 60\nwall_seconds = 90.5");

        var spec = TaskLoader.Load(task.Root).GetTaskOrThrow();

        Assert.Equal(2.0, spec.Objective.MinGain);
        Assert.Equal(new BudgetSpec(300, 60, 90.5), spec.Budget);
    }

    [Fact]
    public void Load_GivenTablesWrittenAsDottedKeysAndInlineTables_ReadsTheSameSpec()
    {
        using var task = TempTask.Full();
        task.EditToml("[holdout]\ninputs = { \"data/x.json\" = \"sealed/x.json\" }\nscore_inputs = { \"data/y.json\" = \"sealed/y.json\" }",
            "[holdout.inputs]\n\"data/x.json\" = \"sealed/x.json\"\n[holdout.score_inputs]\n\"data/y.json\" = \"sealed/y.json\"");
        task.EditToml("[program]\nfiles = [\"program.py\"]", "program.files = [\"program.py\"]");

        var spec = TaskLoader.Load(task.Root).GetTaskOrThrow();

        Assert.Equal(["program.py"], spec.Program.Files);
        Assert.Equal("sealed/y.json", spec.Holdout!.ScoreInputs["data/y.json"]);
    }

    [Fact]
    public void Load_GivenPathOfTheTomlFile_LoadsItsFolder()
    {
        using var task = TempTask.Full();

        var spec = TaskLoader.Load(task.PathOf("ratchet.toml")).GetTaskOrThrow();

        Assert.Equal(task.Root, spec.Root);
    }

    [Fact]
    public void Load_GivenInputSymlinkInsideTheFolder_AcceptsIt()
    {
        using var task = TempTask.Full();
        File.Delete(task.PathOf("data/x.json"));
        File.CreateSymbolicLink(task.PathOf("data/x.json"), "../sealed/../data/y.json");

        var result = TaskLoader.Load(task.Root);

        Assert.True(result.Succeeded, result.Errors?.Format());
    }
}
