using Ratchet.Tasks;

namespace Ratchet.Tests.Tasks;

public sealed class ProposalCheckTests : IDisposable
{
    private readonly TempTask _task = TempTask.Full();
    private readonly TaskSpec _spec;
    private readonly ProgramSnapshot _parent;

    public ProposalCheckTests()
    {
        _spec = TaskLoader.Load(_task.Root).GetTaskOrThrow();
        _parent = ProgramSnapshot.Read(_spec);
    }

    [Fact]
    public void Check_WhenOnlyTheEvolveBlockChanges_Accepts()
    {
        var rejection = Check(("program.py", TempTask.Program.Replace("y = 2", "y = 3\nz = 4")));

        Assert.Null(rejection);
    }

    [Fact]
    public void Check_WhenProgramFileIsUnchanged_Accepts()
    {
        Assert.Null(Check(("program.py", TempTask.Program)));
    }

    [Fact]
    public void Check_WhenAProtectedFileChanges_RejectsNamingIt()
    {
        var rejection = Check(("score.py", "print('{\"mse\": 0}')\n"));

        Assert.Equal(ProposalRejectionKind.ProtectedFile, rejection!.Kind);
        Assert.Equal("score.py", rejection.Path);
        Assert.Equal("proposal changes 'score.py', which is protected: only [program] files (program.py) may change", rejection.Message);
    }

    [Fact]
    public void Check_WhenANewFileIsAdded_RejectsIt()
    {
        var rejection = Check(("conftest.py", "import pytest\n"));

        Assert.Equal(ProposalRejectionKind.NewFile, rejection!.Kind);
        Assert.Equal("proposal adds 'conftest.py', which is not a [program] file: only [program] files (program.py) may change", rejection.Message);
    }

    [Fact]
    public void Check_WhenAProtectedFileIsDeleted_RejectsIt()
    {
        var rejection = ProposalCheck.Check(_spec, _parent, new Dictionary<string, string>(), ["data/y.json"]);

        Assert.Equal("proposal deletes 'data/y.json', which is protected: only [program] files (program.py) may change", rejection!.Message);
    }

    [Fact]
    public void Check_WhenAProgramFileIsDeleted_RejectsIt()
    {
        var rejection = ProposalCheck.Check(_spec, _parent, new Dictionary<string, string>(), ["program.py"]);

        Assert.Equal(ProposalRejectionKind.ProgramFileDeleted, rejection!.Kind);
        Assert.Equal("proposal deletes 'program.py', a [program] file; program files may change but never disappear", rejection.Message);
    }

    [Fact]
    public void Check_WhenTextOutsideTheEvolveBlockChanges_RejectsWithTheLine()
    {
        var rejection = Check(("program.py", TempTask.Program.Replace("print(x + y)", "print(0)")));

        Assert.Equal(ProposalRejectionKind.OutsideEvolveBlocks, rejection!.Kind);
        Assert.Equal(5, rejection.Line);
        Assert.Equal("proposal changes 'program.py' outside its evolve blocks: text outside the evolve blocks changed (line 5); only the lines between EVOLVE-BLOCK-START and EVOLVE-BLOCK-END may change", rejection.Message);
    }

    [Fact]
    public void Check_WhenAMarkerIsRemoved_Rejects()
    {
        var rejection = Check(("program.py", TempTask.Program.Replace("# EVOLVE-BLOCK-END\n", "")));

        Assert.Equal(ProposalRejectionKind.OutsideEvolveBlocks, rejection!.Kind);
        Assert.Equal(2, rejection.Line);
    }

    [Theory]
    [InlineData("policy.toml")]
    [InlineData(".ratchet/ledger.db")]
    [InlineData("./.ratchet/../policy.toml")]
    public void Check_WhenAReservedPathIsNamed_RejectsItFirst(string path)
    {
        var rejection = Check(("score.py", "x"), (path, "anything"));

        Assert.Equal(ProposalRejectionKind.ReservedPath, rejection!.Kind);
        Assert.Equal($"proposal names '{path}', which is reserved: policy.toml and .ratchet/ are never writable by a proposal", rejection.Message);
    }

    [Fact]
    public void Check_WhenAnAbsolutePathInsideTheTaskIsNamed_StillSeesThePolicy()
    {
        var path = _task.PathOf("policy.toml");

        Assert.Equal(ProposalRejectionKind.ReservedPath, Check((path, "x"))!.Kind);
    }

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("../other-task/score.py")]
    [InlineData("")]
    public void Check_WhenAPathOutsideTheTaskIsNamed_RejectsIt(string path)
    {
        var rejection = Check((path, "x"));

        Assert.Equal(ProposalRejectionKind.OutsideTask, rejection!.Kind);
        Assert.Equal($"proposal names '{path}', which is outside the task folder: only [program] files (program.py) may change", rejection.Message);
    }

    [Fact]
    public void Check_WhenAProgramFileIsSpelledDifferently_AsksForTheExactPath()
    {
        var rejection = Check(("./program.py", TempTask.Program));

        Assert.Equal(ProposalRejectionKind.NonCanonicalPath, rejection!.Kind);
        Assert.Equal("proposal names './program.py'; write the program file's path exactly as in [program] files: 'program.py'", rejection.Message);
    }

    [Fact]
    public void Check_GivenAppliedPatchThatCreatesAFile_RejectsTheCreation()
    {
        var patch = UnifiedDiff.Apply(_parent, "--- /dev/null\n+++ b/sitecustomize.py\n@@ -0,0 +1 @@\n+import os\n").Applied!;

        var rejection = ProposalCheck.Check(_spec, _parent, patch);

        Assert.Equal(ProposalRejectionKind.NewFile, rejection!.Kind);
        Assert.Equal("sitecustomize.py", rejection.Path);
    }

    [Fact]
    public void Check_GivenAppliedPatchInsideTheBlock_Accepts()
    {
        var after = TempTask.Program.Replace("y = 2", "y = 2.5");
        var patch = UnifiedDiff.Apply(_parent, DiffTool.Unified("program.py", TempTask.Program, after)).Applied!;

        Assert.Null(ProposalCheck.Check(_spec, _parent, patch));
        Assert.Equal(after, patch.Files["program.py"]);
    }

    public void Dispose() => _task.Dispose();

    private ProposalRejection? Check(params (string Path, string Text)[] files) =>
        ProposalCheck.Check(_spec, _parent, files.ToDictionary(f => f.Path, f => f.Text));
}
