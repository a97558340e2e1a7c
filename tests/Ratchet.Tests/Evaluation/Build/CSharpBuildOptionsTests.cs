using Ratchet.Evaluation.Build;

namespace Ratchet.Tests.Evaluation.Build;

public sealed class CSharpBuildOptionsTests
{
    [Fact]
    public void Validate_WhenDefaults_FindsNoProblem()
    {
        Assert.Empty(new CSharpBuildOptions().Validate());
    }

    [Theory]
    [InlineData("program.exe")]
    [InlineData("bin/program.dll")]
    [InlineData("../program.dll")]
    [InlineData(".dll")]
    [InlineData(".hidden.dll")]
    public void Validate_WhenOutputIsNotAPlainDllName_SaysWhatIsExpected(string output)
    {
        var problem = Assert.Single(new CSharpBuildOptions { OutputName = output }.Validate());

        Assert.Equal($"OutputName: expected a plain file name ending in .dll (e.g. \"program.dll\"), found \"{output}\"", problem);
    }

    [Fact]
    public void Validate_WhenSeveralSettingsAreWrong_ReportsThemAll()
    {
        var options = new CSharpBuildOptions
        {
            MaxSourceBytes = 0,
            Timeout = TimeSpan.Zero,
            ImplicitUsings = ["System", "not a namespace"],
        };

        var problems = options.Validate();

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("MaxSourceBytes:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Timeout:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p == "ImplicitUsings: expected dotted identifiers (e.g. \"System.Text\"), found \"not a namespace\"");
    }

    [Fact]
    public void RuntimeConfigName_WhenOutputIsSolver_IsSolverRuntimeconfigJson()
    {
        var options = new CSharpBuildOptions { OutputName = "solver.dll" };

        Assert.Equal("solver", options.AssemblyName);
        Assert.Equal("solver.runtimeconfig.json", options.RuntimeConfigName);
    }
}
