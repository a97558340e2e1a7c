using Ratchet.Tasks;

namespace Ratchet.Tests.Tasks;

public sealed partial class TaskLoaderTests
{
    /// <summary>A C#-shaped task; <paramref name="extra"/> is appended right after [objective] (so bare keys land in it).</summary>
    private static TempTask WithExtra(string extra)
    {
        var task = new TempTask();
        task.Write("ratchet.toml", """
            name = "extra"
            [program]
            files = ["Program.cs"]
            [run]
            command = ["dotnet", "program.dll"]
            [score]
            command = ["python3", "score.py"]
            inputs = ["score.py"]
            [objective]
            metric = "score"
            direction = "maximize"

            """ + extra);
        task.Write("Program.cs", "System.Console.WriteLine(1);\n");
        task.Write("score.py", "print('{\"score\": 1}')\n");
        task.Write("check.py", "print('ok')\n");
        return task;
    }

    [Fact]
    public void Load_GivenBuildInvariantsAndDeterministic_ReadsThem()
    {
        using var task = WithExtra("""
            deterministic = true
            [build]
            kind = "csharp"
            [[invariants]]
            name = "sorted"
            command = ["python3", "check.py"]
            inputs = ["check.py"]
            [[invariants]]
            name = "bounded"
            command = ["true"]
            """);

        var spec = TaskLoader.Load(task.Root).GetTaskOrThrow();

        Assert.True(spec.Objective.Deterministic);
        Assert.Equal(new BuildSpec("csharp", "program.dll"), spec.Build);
        Assert.Equal(["sorted", "bounded"], spec.Invariants.Select(i => i.Name));
        Assert.Equal(["check.py"], spec.Invariants[0].Inputs);
        Assert.Empty(spec.Invariants[1].Inputs);
    }

    [Fact]
    public void Load_GivenBadBuildAndInvariants_ReportsEachError()
    {
        using var task = WithExtra("""
            [build]
            kind = "rust"
            output = "prog.exe"
            [[invariants]]
            name = "a"
            comand = ["true"]
            [[invariants]]
            name = "a"
            command = ["true"]
            inputs = ["Program.cs", "missing.py"]
            """);

        var errors = TaskLoader.Load(task.Root).Errors!.Select(e => e.ToString()).ToArray();

        Assert.Contains(errors, e => e.Contains("'kind' in [build] must be \"csharp\"", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("'output' in [build] must be a file name ending in .dll", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("unknown key 'comand' in [invariants]; did you mean 'command'?", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("missing required key 'command' in [invariants]", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("'a' appears twice in [[invariants]] names", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("'Program.cs' is a [program] file and cannot be an invariant input", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("'missing.py' in [[invariants]] 'a' inputs does not exist", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_GivenInvariantsAsAPlainTable_SaysToUseDoubleBrackets()
    {
        using var task = WithExtra("""
            [invariants]
            name = "a"
            command = ["true"]
            """);

        var error = Assert.Single(TaskLoader.Load(task.Root).Errors!);

        Assert.Contains("must be an array of tables written [[invariants]]", error.Message);
    }

    [Fact]
    public void Load_GivenNonBooleanDeterministic_SaysTrueOrFalse()
    {
        using var task = WithExtra("deterministic = \"yes\"\n");

        var error = Assert.Single(TaskLoader.Load(task.Root).Errors!);

        Assert.Equal("'deterministic' in [objective] must be true or false, e.g. deterministic = true; found a string (\"yes\")", error.Message);
    }
}
