using System.Diagnostics;
using Ratchet.Evaluation.Build;
using Ratchet.Tasks;

namespace Ratchet.Examples.CSharpBuild;

/// <summary><c>csharp-build --out DIR FILE.cs...</c>: builds the files as Ratchet would and writes program.dll and its
/// runtime config to DIR. <c>csharp-build --measure FILE.cs</c>: prints cold and warm build times and the start time
/// of <c>dotnet program.dll</c> (median of 20).</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var measure = args.Contains("--measure");
        var outIndex = Array.IndexOf(args, "--out");
        var files = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (outIndex < 0 || i != outIndex + 1)).ToArray();
        if (files.Length == 0 || (!measure && outIndex < 0))
        {
            Console.Error.WriteLine("usage: csharp-build --out DIR FILE.cs...   |   csharp-build --measure FILE.cs...");
            return 2;
        }
        var program = new ProgramSnapshot(files.Select(f => KeyValuePair.Create(Path.GetFileName(f), File.ReadAllText(f))));
        return measure ? await MeasureAsync(program) : await BuildAsync(program, args[outIndex + 1]);
    }

    private static async Task<int> BuildAsync(ProgramSnapshot program, string output)
    {
        var result = await new CSharpBuilder().BuildAsync(program, CancellationToken.None);
        if (!result.Succeeded)
        {
            Console.Error.WriteLine(result.Error);
            return 1;
        }
        Directory.CreateDirectory(output);
        foreach (var file in result.Artifacts)
            await File.WriteAllBytesAsync(Path.Combine(output, file.RelativePath), file.Content!);
        Console.Error.WriteLine($"built {string.Join(", ", result.Artifacts.Select(a => a.RelativePath))} in {result.Duration.TotalMilliseconds:F0} ms");
        return 0;
    }

    private static async Task<int> MeasureAsync(ProgramSnapshot program)
    {
        var builder = new CSharpBuilder();
        var lines = program.Files.Values.Sum(t => t.Split('\n').Length);
        var cold = await builder.BuildAsync(program, CancellationToken.None);
        if (!cold.Succeeded)
        {
            Console.Error.WriteLine(cold.Error);
            return 1;
        }
        var warm = new List<double>();
        var warmCpu = new List<double>();
        using var self = Process.GetCurrentProcess();
        for (var i = 0; i < 20; i++)
        {
            var variant = new ProgramSnapshot(program.Files.Select(f => KeyValuePair.Create(f.Key, f.Value + $"\n// variant {i}\n")));
            self.Refresh();
            var cpuBefore = self.TotalProcessorTime;
            warm.Add((await builder.BuildAsync(variant, CancellationToken.None)).Duration.TotalMilliseconds);
            self.Refresh();
            warmCpu.Add((self.TotalProcessorTime - cpuBefore).TotalMilliseconds);
        }
        var cached = (await builder.BuildAsync(program, CancellationToken.None)).Duration.TotalMilliseconds;
        Console.WriteLine($"program: {lines} lines; references: {ReferenceAssemblies.For(null).Origin}");
        Console.WriteLine($"cold build (first in process): {cold.Duration.TotalMilliseconds:F0} ms");
        Console.WriteLine($"warm build: median {Median(warm):F1} ms, min {warm.Min():F1} ms, max {warm.Max():F1} ms (20 builds); " +
            $"CPU median {Median(warmCpu):F1} ms");
        Console.WriteLine($"cache hit: {cached:F2} ms");

        var hello = await builder.BuildAsync(new ProgramSnapshot([KeyValuePair.Create("Program.cs", "Console.WriteLine(\"hello\");\n")]), CancellationToken.None);
        var folder = Directory.CreateTempSubdirectory("csharp-build-measure-").FullName;
        foreach (var file in hello.Artifacts)
            await File.WriteAllBytesAsync(Path.Combine(folder, file.RelativePath), file.Content!);
        var (wall, cpu) = StartTimes(folder, 20);
        Console.WriteLine($"'dotnet program.dll' hello world: wall median {Median(wall):F1} ms (min {wall.Min():F1}), CPU median {Median(cpu):F1} ms (20 runs)");
        Directory.Delete(folder, recursive: true);
        return 0;
    }

    private static (List<double> Wall, List<double> Cpu) StartTimes(string folder, int runs)
    {
        var wall = new List<double>();
        var cpu = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var before = ChildrenCpuMilliseconds();
            var start = new ProcessStartInfo(Path.Combine(ReferenceAssemblies.RunningDotnetRoot, "dotnet"), "program.dll")
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (var (name, value) in CSharpBuilder.RunEnvironment)
                start.Environment[name] = value;
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            wall.Add(clock.Elapsed.TotalMilliseconds);
            cpu.Add(ChildrenCpuMilliseconds() - before);
        }
        return (wall, cpu);
    }

    // A reaped child's CPU time is only in the parent's RUSAGE_CHILDREN account (Process.TotalProcessorTime needs it alive).
    private static double ChildrenCpuMilliseconds()
    {
        var usage = new long[18];
        if (GetRusage(-1, usage) != 0)
            return double.NaN;
        return (usage[0] + usage[2]) * 1000.0 + (usage[1] + usage[3]) / 1000.0;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetRusage(int who, [System.Runtime.InteropServices.Out] long[] usage);

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
