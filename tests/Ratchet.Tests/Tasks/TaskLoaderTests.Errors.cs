using Ratchet.Tasks;

namespace Ratchet.Tests.Tasks;

public sealed partial class TaskLoaderTests
{
    [Fact]
    public void Load_WhenKeyIsMisspelt_ReportsUnknownKeyWithSuggestionAndTheMissingKey()
    {
        using var task = TempTask.Full();
        task.EditToml("command = [\"python3\", \"program.py\"]", "comand = [\"python3\", \"program.py\"]");

        Assert.Equal(
            [
                "ratchet.toml:4:1: missing required key 'command' in [run]; add e.g. command = [\"python3\", \"program.py\"]",
                "ratchet.toml:5:1: unknown key 'comand' in [run]; did you mean 'command'?",
            ],
            ErrorsOf(task));
    }

    [Fact]
    public void Load_WhenTableIsMisspelt_ReportsUnknownTableWithSuggestion()
    {
        using var task = TempTask.Full();
        task.EditToml("[budget]", "[budgett]");

        Assert.Equal(["ratchet.toml:20:1: unknown table [budgett]; did you mean [budget]?"], ErrorsOf(task));
    }

    [Fact]
    public void Load_WhenKeyIsFarFromAnyValidKey_ListsTheValidKeys()
    {
        using var task = TempTask.Full();
        task.EditToml("tmp_mb = 64", "tmp_mb = 64\ngpus = 1");

        Assert.Equal(
            ["ratchet.toml:29:1: unknown key 'gpus' in [limits]; valid keys: wall_seconds, cpu_seconds, memory_mb, processes, output_bytes, tmp_mb"],
            ErrorsOf(task));
    }

    [Fact]
    public void Load_WhenPolicyIsWrittenInTheTaskFile_PointsToPolicyToml()
    {
        using var task = TempTask.Full();
        task.EditToml("[limits]", "[policy]\npreset = \"human\"\n[limits]");

        Assert.Equal(["ratchet.toml:22:1: unknown table [policy]; the oversight policy lives in policy.toml, outside ratchet.toml"], ErrorsOf(task));
    }

    [Fact]
    public void Load_WhenValueHasWrongType_ReportsLineColumnExpectedAndFound()
    {
        using var task = TempTask.Full();
        task.EditToml("memory_mb = 512", "memory_mb = \"512\"");

        Assert.Equal(
            ["ratchet.toml:25:13: 'memory_mb' in [limits] must be a whole number from 16 to 1048576, e.g. memory_mb = 512; found a string (\"512\")"],
            ErrorsOf(task));
    }

    [Fact]
    public void Load_WhenCommandIsOneString_AsksForAnArgvArray()
    {
        using var task = TempTask.Full();
        task.EditToml("command = [\"python3\", \"score.py\"]", "command = \"python3 score.py\"");

        Assert.Equal(
            ["ratchet.toml:9:11: 'command' in [score] must be a non-empty array of strings, e.g. command = [\"python3\", \"score.py\"]; found a string (\"python3 score.py\")"],
            ErrorsOf(task));
    }

    [Fact]
    public void Load_WhenRequiredKeysAreMissing_ReportsEachWithAnExample()
    {
        using var task = TempTask.Full();
        task.EditToml("name = \"poly-fit\"\n", "");
        task.EditToml("metric = \"mse\"\n", "");

        Assert.Equal(
            [
                "ratchet.toml:13:1: missing required key 'metric' in [objective]; add e.g. metric = \"mse\"",
                "ratchet.toml: missing required key 'name' at the top level; add e.g. name = \"poly-fit\" before the first [table]",
            ],
            ErrorsOf(task));
    }

    [Fact]
    public void Load_WhenScoreTableIsMissing_ExplainsWhyRunNeedsIt()
    {
        using var task = TempTask.Full();
        task.EditToml("[score]\ncommand = [\"python3\", \"score.py\"]\ninputs = [\"score.py\", \"data/y.json\"]\n", "");
        task.EditToml("score_inputs = { \"data/y.json\" = \"sealed/y.json\" }\n", "");

        Assert.Equal(
            ["ratchet.toml: missing required table [score]: [run] needs a trusted scorer to judge its output; add e.g. [score] with command = [\"python3\", \"score.py\"]"],
            ErrorsOf(task));
    }

    [Fact]
    public void Load_WhenRunAndEvaluateAreBothPresent_ReportsTheMix()
    {
        using var task = TempTask.Full();
        task.Write("evaluate.py", "print(1)\n");
        task.EditToml("[objective]", "[evaluate]\ncommand = [\"python3\", \"evaluate.py\"]\ninputs = [\"evaluate.py\"]\n[objective]");

        Assert.Equal(
            ["ratchet.toml:14:1: [evaluate] cannot be combined with [run] or [score]; use [run] and [score] (the candidate and the trusted scorer in separate sandboxes) or [evaluate] alone (one sandbox, weaker isolation)"],
            ErrorsOf(task));
    }

    [Fact]
    public void Load_WhenDirectionIsMisspelt_ReportsTheTwoChoices()
    {
        using var task = TempTask.Full();
        task.EditToml("direction = \"minimize\"", "direction = \"minimise\"");

        Assert.Equal(
            ["ratchet.toml:16:13: 'direction' in [objective] must be \"minimize\" or \"maximize\", e.g. direction = \"minimize\"; found a string (\"minimise\")"],
            ErrorsOf(task));
    }

    [Fact]
    public void Load_WhenLimitIsNegative_ReportsTheRange()
    {
        using var task = TempTask.Full();
        task.EditToml("wall_seconds = 10", "wall_seconds = -1");

        Assert.Equal(
            ["ratchet.toml:23:16: 'wall_seconds' in [limits] must be a number greater than 0 and at most 86400, e.g. wall_seconds = 10; found an integer (-1)"],
            ErrorsOf(task));
    }

    [Theory]
    [InlineData("repeats = 1", "repeats = 101", "ratchet.toml:17:11: 'repeats' in [objective] must be a whole number from 1 to 100, e.g. repeats = 3; found an integer (101)")]
    [InlineData("alpha = 0.05", "alpha = 1.0", "ratchet.toml:18:9: 'alpha' in [objective] must be a number between 0 and 1 (both excluded), e.g. alpha = 0.05; found a float (1)")]
    [InlineData("min_gain = 0.0", "min_gain = nan", "ratchet.toml:19:12: 'min_gain' in [objective] must be a number of at least 0, e.g. min_gain = 0.001; found a float (nan)")]
    [InlineData("min_gain = 0.0", "min_gain = inf", "ratchet.toml:19:12: 'min_gain' in [objective] must be a number of at least 0, e.g. min_gain = 0.001; found a float (inf)")]
    [InlineData("processes = 64", "processes = 64.0", "ratchet.toml:26:13: 'processes' in [limits] must be a whole number from 1 to 4096, e.g. processes = 64; found a float (64)")]
    [InlineData("output_bytes = 1048576", "output_bytes = 100", "ratchet.toml:27:16: 'output_bytes' in [limits] must be a whole number from 1024 to 1073741824, e.g. output_bytes = 1048576; found an integer (100)")]
    [InlineData("memory_mb = 512", "memory_mb = 8", "ratchet.toml:25:13: 'memory_mb' in [limits] must be a whole number from 16 to 1048576, e.g. memory_mb = 512; found an integer (8)")]
    [InlineData("evaluations = 300", "evaluations = 0", "ratchet.toml:21:15: 'evaluations' in [budget] must be a whole number from 1 to 10000000, e.g. evaluations = 300; found an integer (0)")]
    [InlineData("name = \"poly-fit\"", "name = \"poly fit\"", "ratchet.toml:1:8: 'name' must be a task name of letters, digits, '.', '_' or '-' (at most 64, starting with a letter or digit), e.g. name = \"poly-fit\"; found a string (\"poly fit\")")]
    public void Load_WhenValueIsOutOfBounds_ReportsExpectedAndFound(string old, string replacement, string expected)
    {
        using var task = TempTask.Full();
        task.EditToml(old, replacement);

        Assert.Equal([expected], ErrorsOf(task));
    }

    [Fact]
    public void Load_WhenEnvNameIsReservedOrMalformed_RejectsIt()
    {
        using var task = TempTask.Full();
        task.EditToml("env = [\"OMP_NUM_THREADS\"]", "env = [\"PATH\", \"RATCHET_OUT\", \"MY-VAR\"]");

        Assert.Equal(
            [
                "ratchet.toml:7:8: 'PATH' in [run] env is set by the sandbox itself and cannot be passed in from the host; remove it",
                "ratchet.toml:7:16: 'RATCHET_OUT' in [run] env is set by the sandbox itself and cannot be passed in from the host; remove it",
                "ratchet.toml:7:31: 'MY-VAR' in [run] env is not an environment variable name; use letters, digits and '_', e.g. env = [\"OMP_NUM_THREADS\"]",
            ],
            ErrorsOf(task));
    }

    [Fact]
    public void Load_WhenHoldoutKeyIsADottedBareKey_SuggestsQuoting()
    {
        using var task = TempTask.Full();
        task.EditToml("{ \"data/x.json\" = \"sealed/x.json\" }", "{ \"data/x.json\" = \"sealed/x.json\", x.json = \"sealed/x.json\" }");

        Assert.Equal(
            ["ratchet.toml:12:45: 'inputs' in [holdout] must be a table of \"visible path\" = \"sealed source path\", e.g. inputs = { \"data/x.json\" = \"sealed/x.json\" }; found a table under 'x' (a bare key with '.' makes a table: quote the path, e.g. \"data/x.json\" = \"sealed/x.json\")"],
            ErrorsOf(task));
    }

    [Fact]
    public void Load_WhenTomlHasASyntaxError_ReportsItsPosition()
    {
        using var task = TempTask.Full();
        task.EditToml("files = [\"program.py\"]", "files = [\"program.py\" \"other.py\"]");

        Assert.Equal(
            ["ratchet.toml:3:23: TOML syntax error: Missing a `,` (token: comma) to separate items in an array; fix it and check again (the rest of the file was not read)"],
            ErrorsOf(task));
    }

    [Fact]
    public void Load_WhenKeyIsDefinedTwice_ReportsInvalidToml()
    {
        using var task = TempTask.Full();
        task.EditToml("repeats = 1", "repeats = 1\nrepeats = 2");

        Assert.Equal(
            ["ratchet.toml:18:1: invalid TOML: The key `objective.repeats` is already defined at (17,1) with `repeats = 1` and cannot be redefined"],
            ErrorsOf(task));
    }

    [Fact]
    public void Load_WhenTomlFileIsMissing_NamesTheFolderAndSuggestsInit()
    {
        using var task = new TempTask();

        var errors = TaskLoader.Load(task.Root).Errors!;

        Assert.Equal($"{task.Root}: no ratchet.toml in this folder; to create a new task here, run: ratchet init {task.Root}", Assert.Single(errors).ToString());
    }

    [Fact]
    public void Load_WhenFolderIsMissing_SuggestsInit()
    {
        using var task = new TempTask();
        var missing = Path.Combine(task.Root, "new task");

        var errors = TaskLoader.Load(missing).Errors!;

        Assert.Equal($"{missing}: the task folder does not exist; to create a new task there, run: ratchet init '{missing}'", Assert.Single(errors).ToString());
    }

    [Fact]
    public void Load_WhenFileHasManyMistakes_ReportsThemAllAtOnceInOrder()
    {
        using var task = TempTask.Full();
        task.EditToml("command = [\"python3\", \"program.py\"]", "command = [\"python3\", \"program.py\"]\ntimeout = 5");
        task.EditToml("direction = \"minimize\"", "direction = \"down\"");
        task.EditToml("processes = 64", "processes = 0");
        File.Delete(task.PathOf("data/y.json"));

        var errors = TaskLoader.Load(task.Root).Errors!;

        Assert.Equal(
            $"""
            task '{task.Root}' has 4 errors:
              ratchet.toml:6:1: unknown key 'timeout' in [run]; valid keys: command, inputs, env
              ratchet.toml:11:23: 'data/y.json' in [score] inputs does not exist in the task folder; create it or fix the path
              ratchet.toml:17:13: 'direction' in [objective] must be "minimize" or "maximize", e.g. direction = "minimize"; found a string ("down")
              ratchet.toml:27:13: 'processes' in [limits] must be a whole number from 1 to 4096, e.g. processes = 64; found an integer (0)
            """.ReplaceLineEndings(),
            errors.Format());
    }

    private static string[] ErrorsOf(TempTask task)
    {
        var result = TaskLoader.Load(task.Root);
        Assert.False(result.Succeeded, "expected the task to be invalid");
        return result.Errors.Select(e => e.ToString()).ToArray();
    }
}
