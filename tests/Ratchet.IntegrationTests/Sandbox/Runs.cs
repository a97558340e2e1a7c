using System.Text;
using Ratchet.Sandbox;

namespace Ratchet.IntegrationTests.Sandbox;

/// <summary>Short ways to run shell and Python programs in a sandbox.</summary>
internal static class Runs
{
    public static SandboxLimits Limits(
        double wall = 10, double cpu = 10, int memoryMb = 128, int processes = 32, long outputBytes = 1 << 20) =>
        new(wall, cpu, memoryMb, processes, outputBytes, TmpMb: 16);

    public static SandboxRequest Shell(string script, SandboxLimits? limits = null, bool collect = false, params StagedFile[] files) => new()
    {
        Command = ["/bin/sh", "-c", script],
        Limits = limits ?? Limits(),
        CollectResults = collect,
        WorkFiles = files,
    };

    public static SandboxRequest Python(string program, SandboxLimits? limits = null) => new()
    {
        Command = ["/usr/bin/python3", "-c", program],
        Limits = limits ?? Limits(),
    };

    public static Task<SandboxExecution> RunAsync(this ISandbox sandbox, SandboxRequest request) =>
        sandbox.RunAsync(request, TestContext.Current.CancellationToken);

    public static string Out(this SandboxExecution execution) => Encoding.UTF8.GetString(execution.Stdout);

    public static string Err(this SandboxExecution execution) => Encoding.UTF8.GetString(execution.Stderr);

    /// <summary>Everything worth reading when an assertion fails.</summary>
    public static string Describe(this SandboxExecution execution) =>
        $"{execution.Termination} exit={execution.ExitCode} signal={execution.Signal} detail={execution.Detail}\n" +
        $"stdout: {execution.Out()}\nstderr: {execution.Err()}";

    /// <summary>True when some live process's command line holds <paramref name="marker"/>.</summary>
    public static bool ProcessAlive(string marker) =>
        Directory.EnumerateDirectories("/proc").Any(folder =>
        {
            try
            {
                return int.TryParse(Path.GetFileName(folder), out _) && File.ReadAllText(Path.Combine(folder, "cmdline")).Contains(marker);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                return false;
            }
        });
}
