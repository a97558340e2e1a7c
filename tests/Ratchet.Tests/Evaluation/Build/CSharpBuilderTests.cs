using System.Text;
using Ratchet.Evaluation.Build;
using Ratchet.Tasks;

namespace Ratchet.Tests.Evaluation.Build;

public sealed partial class CSharpBuilderTests
{
    private static readonly CSharpBuilder Shared = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Build_WhenHelloWorld_DotnetRunsTheDllInAPlainChildProcess()
    {
        var result = await Shared.BuildAsync(TestPrograms.Of(TestPrograms.Hello), Ct);

        Assert.Null(result.Error);
        Assert.Equal(["program.dll", "program.runtimeconfig.json"], result.Artifacts.Select(a => a.RelativePath));
        using var program = BuiltProgram.Write(result);
        var run = program.Execute();
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("hello from a candidate\n", run.Stdout);
    }

    [Fact]
    public async Task Build_WhenProgramUsesOnlyImplicitUsings_CompilesAndRuns()
    {
        var result = await Shared.BuildAsync(TestPrograms.Of(TestPrograms.ImplicitUsings), Ct);

        using var program = BuiltProgram.Write(result);
        Assert.Equal("1,2,3 sum=6 cwd-exists=True\n", program.Execute().Stdout);
    }

    [Fact]
    public async Task Build_WhenSourceHasSevenErrors_QuotesTheFirstFiveWithFileAndLine()
    {
        var result = await Shared.BuildAsync(TestPrograms.Of(TestPrograms.SevenErrors), Ct);

        Assert.False(result.Succeeded);
        Assert.Empty(result.Artifacts);
        var lines = result.Error!.Split('\n');
        Assert.Equal("C# build failed with 7 errors:", lines[0]);
        Assert.Equal(["3", "4", "5", "6", "7"], lines[1..6].Select(l => l.Split(':')[1]));
        Assert.All(lines[1..6], l => Assert.StartsWith("  Program.cs:", l));
        Assert.Contains("error CS0029", lines[1]);
        Assert.Equal("  (2 more not shown)", lines[6]);
    }

    [Fact]
    public async Task Build_WhenTheSameProgramComesTwice_ReturnsIdenticalBytesFromTheCache()
    {
        var builder = new CSharpBuilder();
        var source = TestPrograms.Hello + "// cache test\n";

        var first = await builder.BuildAsync(TestPrograms.Of(source), Ct);
        var second = await builder.BuildAsync(TestPrograms.Of(source), Ct);

        Assert.Equal(new CSharpBuildStatistics(Compilations: 1, CacheHits: 1, CachedPrograms: 1), builder.Statistics);
        Assert.Equal(first.Artifacts[0].Content, second.Artifacts[0].Content);
    }

    [Fact]
    public async Task Build_WhenTwoBuildersCompileTheSameSource_TheBytesAreIdentical()
    {
        var first = await new CSharpBuilder().BuildAsync(TestPrograms.Of(TestPrograms.ImplicitUsings), Ct);
        var second = await new CSharpBuilder().BuildAsync(TestPrograms.Of(TestPrograms.ImplicitUsings), Ct);

        Assert.Equal(first.Artifacts[0].Content, second.Artifacts[0].Content);
        Assert.Equal(first.Artifacts[1].Content, second.Artifacts[1].Content);
    }

    [Fact]
    public async Task Build_WhenTheSourceChangesByOneCharacter_TheBytesDiffer()
    {
        var first = await Shared.BuildAsync(TestPrograms.Of("Console.WriteLine(1);\n"), Ct);
        var second = await Shared.BuildAsync(TestPrograms.Of("Console.WriteLine(2);\n"), Ct);

        Assert.NotEqual(first.Artifacts[0].Content, second.Artifacts[0].Content);
    }

    [Fact]
    public async Task Build_WhenACompileErrorRepeats_ServesItFromTheCacheWithoutCompiling()
    {
        var builder = new CSharpBuilder();

        var first = await builder.BuildAsync(TestPrograms.Of("int x = ;\n"), Ct);
        var second = await builder.BuildAsync(TestPrograms.Of("int x = ;\n"), Ct);

        Assert.Equal(first.Error, second.Error);
        Assert.Equal(1, builder.Statistics.Compilations);
    }

    [Fact]
    public async Task Build_WhenTheCacheIsFull_DropsTheLeastRecentlyUsedProgram()
    {
        var builder = new CSharpBuilder(new CSharpBuildOptions { CacheEntries = 2 });

        await builder.BuildAsync(TestPrograms.Of("Console.WriteLine(1);\n"), Ct);
        await builder.BuildAsync(TestPrograms.Of("Console.WriteLine(2);\n"), Ct);
        await builder.BuildAsync(TestPrograms.Of("Console.WriteLine(1);\n"), Ct);
        await builder.BuildAsync(TestPrograms.Of("Console.WriteLine(3);\n"), Ct);
        await builder.BuildAsync(TestPrograms.Of("Console.WriteLine(1);\n"), Ct);
        await builder.BuildAsync(TestPrograms.Of("Console.WriteLine(2);\n"), Ct);

        Assert.Equal(new CSharpBuildStatistics(Compilations: 4, CacheHits: 2, CachedPrograms: 2), builder.Statistics);
    }

    [Fact]
    public async Task Build_WhenProgramCrashes_TheStackTraceNamesTheSourceLine()
    {
        var result = await Shared.BuildAsync(TestPrograms.Of(TestPrograms.Crash), Ct);

        using var program = BuiltProgram.Write(result);
        var run = program.Execute();
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("deliberate", run.Stderr);
        Assert.Contains("Program.cs:line 4", run.Stderr);
    }

    [Fact]
    public async Task Build_WhenSourcesExceedTheSizeCap_RefusesWithoutCompiling()
    {
        var builder = new CSharpBuilder(new CSharpBuildOptions { MaxSourceBytes = 100 });
        var source = TestPrograms.Hello + "// " + new string('x', 200) + "\n";

        var result = await builder.BuildAsync(TestPrograms.Of(source), Ct);

        Assert.StartsWith($"C# build refused: the sources are {Encoding.UTF8.GetByteCount(source)} bytes, at most 100 allowed", result.Error);
        Assert.Equal(0, builder.Statistics.Compilations);
    }

    [Fact]
    public async Task Build_WhenNoProgramFileIsCSharp_SaysWhatWasFoundAndWhatToList()
    {
        var result = await Shared.BuildAsync(TestPrograms.Of("print(1)\n", path: "program.py"), Ct);

        Assert.Contains("none of the program files ends in .cs (found program.py)", result.Error);
        Assert.Contains("files = [\"Program.cs\"]", result.Error);
    }

    [Fact]
    public async Task Build_WhenBracketsNestDeeperThanTheCap_RefusesBeforeRoslynParses()
    {
        var builder = new CSharpBuilder();
        var source = "var x = " + new string('(', 20_000) + "1" + new string(')', 20_000) + ";\n";

        var result = await builder.BuildAsync(TestPrograms.Of(source), Ct);

        Assert.StartsWith("C# build refused: Program.cs:1: brackets nest deeper than 256 levels", result.Error);
        Assert.Equal(0, builder.Statistics.Compilations);
    }

    [Fact]
    public async Task Build_WhenProgramAsksToBeSignedWithAHostKeyFile_FailsWithoutSigning()
    {
        var source = "[assembly: System.Reflection.AssemblyKeyFile(\"/etc/hostname\")]\nConsole.WriteLine(1);\n";

        var result = await Shared.BuildAsync(TestPrograms.Of(source), Ct);

        Assert.Contains("error CS7027", result.Error);
    }

    [Fact]
    public async Task Build_WhenTheTimeoutElapses_ReportsATimeoutAndDoesNotCacheIt()
    {
        var builder = new CSharpBuilder(new CSharpBuildOptions { Timeout = TimeSpan.FromSeconds(1) }, new ExpiringTimeProvider(TimeSpan.FromSeconds(1)));
        var program = TestPrograms.Of(ManyMethods(2_000));

        var result = await builder.BuildAsync(program, Ct);

        Assert.StartsWith("C# build timed out after 1 s", result.Error);
        Assert.Equal(new CSharpBuildStatistics(Compilations: 0, CacheHits: 0, CachedPrograms: 0), builder.Statistics);
    }

    [Fact]
    public async Task Build_WhenTheCallerCancels_ThrowsOperationCanceled()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => new CSharpBuilder().BuildAsync(TestPrograms.Of(ManyMethods(500)), cancelled.Token));
    }

    [Fact]
    public void Constructor_WhenOptionsAreInvalid_ReportsEveryProblemTogether()
    {
        var error = Assert.Throws<ArgumentException>(() => new CSharpBuilder(new CSharpBuildOptions { OutputName = "bin/x.exe", CacheEntries = -1 }));

        Assert.Contains("OutputName: expected a plain file name ending in .dll", error.Message);
        Assert.Contains("CacheEntries: expected 0 (no cache) or more", error.Message);
    }

    private static string ManyMethods(int count)
    {
        var text = new StringBuilder("Console.WriteLine(C.M0(1));\nstatic class C\n{\n");
        for (var i = 0; i < count; i++)
            text.Append($"    public static int M{i}(int x) => x * {i} + (x > {i} ? M{(i + 1) % count}(x - 1) : {i});\n");
        return text.Append("}\n").ToString();
    }

    /// <summary>Fires every timer due within <c>limit</c> at once, and none of the longer ones.</summary>
    private sealed class ExpiringTimeProvider(TimeSpan limit) : TimeProvider
    {
        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            if (dueTime != Timeout.InfiniteTimeSpan && dueTime <= limit)
                ThreadPool.QueueUserWorkItem(_ => callback(state));
            return new InertTimer();
        }

        private sealed class InertTimer : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => true;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
