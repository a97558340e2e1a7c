using System.Diagnostics;
using System.Text;

namespace Ratchet.IntegrationTests.Support;

/// <summary>Runs the real <c>ratchet</c> CLI (the built ratchet.dll) as a child process, with its own RATCHET_HOME.</summary>
public sealed class RatchetProcess
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "Ratchet.Cli.dll");

    public RatchetProcess(string home) => Home = home;

    /// <summary>The per-test RATCHET_HOME (ledger key and heads).</summary>
    public string Home { get; }

    public Dictionary<string, string> Environment { get; } = new();

    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
    }

    public Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["RATCHET_HOME"] = Home;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in Environment)
            start.Environment[key] = value;
        return Process.Start(start)!;
    }

    public async Task<Result> RunAsync(params string[] args) => await RunAsync(TimeSpan.FromMinutes(3), args);

    public async Task<Result> RunAsync(TimeSpan timeout, params string[] args)
    {
        using var process = Start(args);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"ratchet {string.Join(' ', args)} did not finish within {timeout}");
        }
        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
