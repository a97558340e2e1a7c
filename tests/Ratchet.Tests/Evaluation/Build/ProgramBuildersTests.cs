using Ratchet.Evaluation.Build;

namespace Ratchet.Tests.Evaluation.Build;

public sealed class ProgramBuildersTests
{
    [Fact]
    public void Create_WhenKindIsCSharp_ReturnsACSharpBuilderWritingTheOutput()
    {
        var builder = ProgramBuilders.Create("csharp", "solver.dll", out var error);

        Assert.Null(error);
        Assert.Equal("solver.dll", Assert.IsType<CSharpBuilder>(builder).Options.OutputName);
    }

    [Fact]
    public void Create_WhenOutputIsOmitted_UsesProgramDll()
    {
        var builder = ProgramBuilders.Create("csharp", null, out _);

        Assert.Equal("program.dll", Assert.IsType<CSharpBuilder>(builder).Options.OutputName);
    }

    [Fact]
    public void Create_WhenKindIsUnknown_NamesTheKnownKinds()
    {
        Assert.Null(ProgramBuilders.Create("rust", null, out var error));
        Assert.Equal("[build] kind must be one of \"csharp\" (e.g. kind = \"csharp\"); found \"rust\"", error);
    }

    [Fact]
    public void Create_WhenOutputIsAPath_SaysWhatIsExpected()
    {
        Assert.Null(ProgramBuilders.Create("csharp", "../x.dll", out var error));
        Assert.Equal("[build] output must be a plain file name ending in .dll (e.g. output = \"program.dll\"); found \"../x.dll\"", error);
    }
}
