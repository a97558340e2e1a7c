using Ratchet.Tasks;

namespace Ratchet.Tests.Tasks;

public sealed partial class TaskLoaderTests
{
    [Fact]
    public void Load_WhenInputFileIsMissing_ReportsThePathAndWhereItIsNamed()
    {
        using var task = TempTask.Full();
        File.Delete(task.PathOf("data/x.json"));

        Assert.Equal(
            ["ratchet.toml:6:11: 'data/x.json' in [run] inputs does not exist in the task folder; create it or fix the path"],
            ErrorsOf(task));
    }

    [Fact]
    public void Load_WhenHoldoutSourceIsMissing_NamesTheSealedSource()
    {
        using var task = TempTask.Full();
        File.Delete(task.PathOf("sealed/x.json"));

        Assert.Equal(
            ["ratchet.toml:12:28: sealed source 'sealed/x.json' for 'data/x.json' in [holdout] inputs does not exist in the task folder; create it or fix the path"],
            ErrorsOf(task));
    }

    [Fact]
    public void Load_WhenProgramFileIsAlsoAScoreInput_RejectsIt()
    {
        using var task = TempTask.Full();
        task.EditToml("inputs = [\"score.py\", \"data/y.json\"]", "inputs = [\"score.py\", \"data/y.json\", \"program.py\"]");

        Assert.Equal(
            ["ratchet.toml:10:38: 'program.py' is a [program] file and cannot be a [score] input: the trusted scorer must never read the candidate's code (it sees the run's output instead); remove it from [score] inputs"],
            ErrorsOf(task));
    }

    [Fact]
    public void Load_WhenProgramFileIsASealedSource_RejectsIt()
    {
        using var task = TempTask.Full();
        task.EditToml("\"data/x.json\" = \"sealed/x.json\"", "\"data/x.json\" = \"program.py\"");

        Assert.Equal(
            ["ratchet.toml:12:28: sealed source 'program.py' is a [program] file; sealed files must stay out of the proposer's reach"],
            ErrorsOf(task));
    }

    [Fact]
    public void Load_WhenSealedSourceIsAlsoVisible_RejectsTheLeak()
    {
        using var task = TempTask.Full();
        task.EditToml("\"data/y.json\" = \"sealed/y.json\"", "\"data/y.json\" = \"data/x.json\"");

        Assert.Equal(
            ["ratchet.toml:13:34: sealed source 'data/x.json' is also a [run] input, so every visible evaluation would see it; sealed files may only enter the holdout: remove it from [run] inputs"],
            ErrorsOf(task));
    }

    [Fact]
    public void Load_WhenHoldoutInputIsNotARunInput_RejectsTheTellTalePath()
    {
        using var task = TempTask.Full();
        task.EditToml("{ \"data/x.json\" = \"sealed/x.json\" }", "{ \"data/z.json\" = \"sealed/x.json\" }");

        Assert.Equal(
            ["ratchet.toml:12:12: 'data/z.json' in [holdout] inputs is not one of the [run] inputs; add a visible stand-in at 'data/z.json' to [run] inputs, so a holdout run looks exactly like a visible one (a path only the holdout has would let the candidate tell them apart)"],
            ErrorsOf(task));
    }

    [Fact]
    public void Load_WhenHoldoutScoreInputCreatesANewPath_AcceptsIt()
    {
        using var task = TempTask.Full();
        task.EditToml("{ \"data/y.json\" = \"sealed/y.json\" }", "{ \"data/y.json\" = \"sealed/y.json\", \"answers/extra.json\" = \"sealed/y.json\" }");

        var spec = TaskLoader.Load(task.Root).GetTaskOrThrow();

        Assert.Equal("sealed/y.json", spec.Holdout!.ScoreInputs["answers/extra.json"]);
    }

    [Fact]
    public void Load_WhenHoldoutScoreInputClashesWithAFolder_RejectsIt()
    {
        using var task = TempTask.Full();
        task.EditToml("{ \"data/y.json\" = \"sealed/y.json\" }", "{ \"data\" = \"sealed/y.json\" }");

        Assert.Equal(
            ["ratchet.toml:13:18: 'data' in [holdout] score_inputs clashes with [score] input 'data/y.json' (a path cannot be both a file and a folder)"],
            ErrorsOf(task));
    }

    [Theory]
    [InlineData("../outside.json", "ratchet.toml:6:11: '../outside.json' in [run] inputs leaves the task folder ('..'); give a path relative to the task folder, e.g. data/x.json")]
    [InlineData("/etc/passwd", "ratchet.toml:6:11: '/etc/passwd' in [run] inputs is an absolute path; give a path relative to the task folder, e.g. data/x.json")]
    [InlineData("data/../data/x.json", "ratchet.toml:6:11: 'data/../data/x.json' in [run] inputs leaves the task folder ('..'); give a path relative to the task folder, e.g. data/x.json")]
    [InlineData("./data/x.json", "ratchet.toml:6:11: './data/x.json' in [run] inputs is not written canonically; write it as 'data/x.json'")]
    [InlineData(".ratchet/ledger.db", "ratchet.toml:6:11: '.ratchet/ledger.db' in [run] inputs is inside .ratchet/, Ratchet's own state (store and ledger), which a task may never name")]
    [InlineData("policy.toml", "ratchet.toml:6:11: 'policy.toml' in [run] inputs is the oversight policy, which a task may never name: it stays out of the improver's reach")]
    public void Load_WhenInputPathEscapesOrIsReserved_RejectsIt(string path, string expected)
    {
        using var task = TempTask.Full();
        task.EditToml("inputs = [\"data/x.json\"]", $"inputs = [\"{path}\"]");
        task.EditToml("inputs = { \"data/x.json\" = \"sealed/x.json\" }\n", "");

        Assert.Equal([expected], ErrorsOf(task));
    }

    [Fact]
    public void Load_WhenInputIsASymlinkLeavingTheFolder_RejectsIt()
    {
        using var task = TempTask.Full();
        using var outside = new TempTask();
        outside.Write("secret.json", "{}");
        File.Delete(task.PathOf("data/x.json"));
        File.CreateSymbolicLink(task.PathOf("data/x.json"), outside.PathOf("secret.json"));

        Assert.Equal(
            [$"ratchet.toml:6:11: 'data/x.json' in [run] inputs leads outside the task folder through a symlink (to '{outside.PathOf("secret.json")}'); copy the file into the task folder instead"],
            ErrorsOf(task));
    }

    [Fact]
    public void Load_WhenProgramFileIsASymlinkInsideTheFolder_RejectsIt()
    {
        using var task = TempTask.Full();
        task.Write("src/real.py", TempTask.Program);
        File.Delete(task.PathOf("program.py"));
        File.CreateSymbolicLink(task.PathOf("program.py"), "src/real.py");

        Assert.Equal(
            ["ratchet.toml:3:10: 'program.py' in [program] files is a symlink or lies under one; a program file must be a regular file in the task folder, because accepted proposals are written to it"],
            ErrorsOf(task));
    }

    [Theory]
    [InlineData("ratchet.toml", "is the task file itself; a proposer may never change it")]
    [InlineData("policy.toml", "is the oversight policy, which a task may never name: it stays out of the improver's reach")]
    [InlineData(".ratchet/state.db", "is inside .ratchet/, Ratchet's own state (store and ledger), which a task may never name")]
    public void Load_WhenProgramFileIsReserved_RejectsIt(string path, string reason)
    {
        using var task = TempTask.Full();
        if (!File.Exists(task.PathOf(path)))
            task.Write(path, "x = 1\n");
        task.EditToml("files = [\"program.py\"]", $"files = [\"program.py\", \"{path}\"]");

        Assert.Equal([$"ratchet.toml:3:24: '{path}' in [program] files {reason}"], ErrorsOf(task));
    }

    [Fact]
    public void Load_WhenPathIsListedTwice_ReportsTheRepeat()
    {
        using var task = TempTask.Full();
        task.EditToml("inputs = [\"data/x.json\"]", "inputs = [\"data/x.json\", \"data/x.json\"]");

        Assert.Equal(["ratchet.toml:6:26: 'data/x.json' appears twice in [run] inputs (first at line 6); list it once"], ErrorsOf(task));
    }

    [Fact]
    public void Load_WhenInputIsAFolder_AsksForFiles()
    {
        using var task = TempTask.Full();
        task.EditToml("inputs = [\"score.py\", \"data/y.json\"]", "inputs = [\"score.py\", \"data\"]");
        task.EditToml("score_inputs = { \"data/y.json\" = \"sealed/y.json\" }\n", "");

        Assert.Equal(["ratchet.toml:10:23: 'data' in [score] inputs is a folder; list the files in it one by one, e.g. 'data/x.json'"], ErrorsOf(task));
    }

    [Fact]
    public void Load_WhenEvolveMarkersAreUnbalanced_ReportsTheProgramFileAndLine()
    {
        using var task = TempTask.Full();
        task.Write("program.py", "a = 1\n# EVOLVE-BLOCK-START\nb = 2\n");

        Assert.Equal(
            ["program.py:2:1: the evolve markers do not pair up: EVOLVE-BLOCK-START is never closed; add a line with EVOLVE-BLOCK-END"],
            ErrorsOf(task));
    }

    [Fact]
    public void Load_WhenProgramFileIsNotUtf8_ReportsIt()
    {
        using var task = TempTask.Full();
        task.WriteBytes("program.py", [0x78, 0x3d, 0xff, 0xfe, 0x0a]);

        Assert.Equal(["program.py: is not UTF-8 text; program files must be text, because proposers edit them as text"], ErrorsOf(task));
    }
}
