using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Ratchet.Sandbox;

namespace Ratchet.IntegrationTests.Sandbox;

/// <summary>Honest candidates in the languages tasks use still run under the seccomp filter and the limits.</summary>
[Collection(SandboxCollection.Name)]
public sealed class BubblewrapSandboxRuntimeTests(SandboxFixture fixture)
{
    private const string CSharpCandidate = """
        using System;
        using System.IO;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;

        public static class Program
        {
            public static async Task<int> Main()
            {
                long sum = 0;
                Parallel.For(0, 1000, i => Interlocked.Add(ref sum, i));
                var thread = new Thread(() => File.WriteAllText("/tmp/x.txt", "thread"));
                thread.Start();
                thread.Join();
                await Task.Delay(10);
                var objects = Enumerable.Range(0, 200_000).Select(i => new byte[64]).ToList();
                GC.Collect();
                Console.WriteLine($"sum={sum} file={File.ReadAllText("/tmp/x.txt")} objects={objects.Count} input={File.ReadAllText("input.txt")}");
                return 7;
            }
        }
        """;

    [Fact]
    public async Task Run_WhenCandidateIsAPythonProgramUsingThreadsProcessesAndSockets_RunsUnderTheFilter()
    {
        await using var run = await fixture.Sandbox.RunAsync(Runs.Python("""
            import asyncio, multiprocessing, socket, subprocess, threading, tempfile
            with multiprocessing.Pool(2) as pool:
                print(pool.map(abs, [-1, -2]))
            asyncio.run(asyncio.sleep(0))
            a, b = socket.socketpair(); a.send(b'p'); print(b.recv(1))
            t = threading.Thread(target=print, args=('thread',)); t.start(); t.join()
            print(subprocess.run(['echo', 'child'], capture_output=True, text=True).stdout.strip())
            print(tempfile.gettempdir())
            """));

        Assert.True(run.Termination == Termination.Exited && run.ExitCode == 0, run.Describe());
        Assert.Equal("[1, 2]\nb'p'\nthread\nchild\n/tmp\n", run.Out());
    }

    [Fact]
    public async Task Run_WhenCandidateIsACSharpProgram_DotnetRunsItUnderTheFilter()
    {
        var files = Compile(CSharpCandidate);

        await using var run = await fixture.Sandbox.RunAsync(new SandboxRequest
        {
            Command = ["dotnet", "app/candidate.dll"],
            WorkFiles = [.. files, StagedFile.FromText("input.txt", "42")],
            Limits = Runs.Limits(memoryMb: 512, processes: 64),
        });

        Assert.True(run.Termination == Termination.Exited && run.ExitCode == 7, run.Describe());
        Assert.Equal("sum=499500 file=thread objects=200000 input=42\n", run.Out());
    }

    /// <summary>candidate.dll and its runtimeconfig, compiled against the running framework.</summary>
    private static StagedFile[] Compile(string source)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(':').Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) == "netstandard.dll")
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create("candidate", [CSharpSyntaxTree.ParseText(source)], references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        var version = Environment.Version;
        var runtimeConfig = "{\"runtimeOptions\":{\"tfm\":\"net" + version.Major + ".0\",\"framework\":" +
                            "{\"name\":\"Microsoft.NETCore.App\",\"version\":\"" + version.Major + "." + version.Minor + ".0\"}}}";
        return
        [
            new StagedFile("app/candidate.dll", Content: image.ToArray()),
            new StagedFile("app/candidate.runtimeconfig.json", Content: Encoding.UTF8.GetBytes(runtimeConfig)),
        ];
    }
}
