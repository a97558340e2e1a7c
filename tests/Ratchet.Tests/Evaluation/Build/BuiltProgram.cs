using System.Diagnostics;
using Ratchet.Evaluation.Build;

namespace Ratchet.Tests.Evaluation.Build;

/// <summary>Test helper: a build's artifacts written to a temporary folder, run with <c>dotnet</c> as a plain child process.</summary>
internal sealed class BuiltProgram : IDisposable
{
    private BuiltProgram(string directory) => Directory = directory;

    public string Directory { get; }

    public static string DotnetPath => Path.Combine(ReferenceAssemblies.RunningDotnetRoot, "dotnet");

    public static BuiltProgram Write(BuildResult result)
    {
        Assert.True(result.Succeeded, result.Error);
        var directory = Path.Combine(Path.GetTempPath(), "ratchet-build-test-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        foreach (var file in result.Artifacts)
            File.WriteAllBytes(Path.Combine(directory, file.RelativePath), file.Content!);
        return new BuiltProgram(directory);
    }

    public sealed record Run(int ExitCode, string Stdout, string Stderr);

    /// <summary>Runs <paramref name="command"/> (default: <c>dotnet program.dll</c>) in the folder with a scrubbed environment.</summary>
    public Run Execute(IReadOnlyList<string>? command = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        command ??= [DotnetPath, "program.dll"];
        var start = new ProcessStartInfo(command[0])
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in command.Skip(1))
            start.ArgumentList.Add(arg);
        start.Environment.Clear();
        start.Environment["PATH"] = "/usr/bin:/bin";
        start.Environment["HOME"] = "/tmp";
        foreach (var (name, value) in environment ?? CSharpBuilder.RunEnvironment)
            start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"'{string.Join(' ', command)}' did not finish within 60 s");
        }
        return new Run(process.ExitCode, stdout.Result, stderr.Result);
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
