using System.CommandLine;
using Ratchet.Cli.Output;
using Ratchet.Ledger;
using Ratchet.Proposers.Replay;
using Ratchet.Runs;
using Ratchet.Storage;

namespace Ratchet.Cli;

/// <summary>Entry point of the <c>ratchet</c> command.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        LoopRuntime.Enter(args);
        // Help and errors name the command as users type it (the assembly is Ratchet.Cli).
        AppContext.SetData("System.CommandLine.ExecutableName", "ratchet");
        WarmUpInBackground(args);
        var root = CliApp.Build();
        if (args.Length == 0)
        {
            // Bare `ratchet`: the overview of verbs, as a usage error (no verb was given).
            await root.Parse(["--help"]).InvokeAsync();
            return ExitCodes.UsageError;
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && !AsksForHelp(args))
            return ParseErrors.Report(parse);
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (UserFacing(e) is { } code)
        {
            Console.Error.WriteLine("error: " + e.Message);
            return code;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file or folder the command needed could not be read or written (a path named by the user, a full
            // disk, permissions): the system's message names it; a stack trace would not help.
            Console.Error.WriteLine($"error: {e.Message.TrimEnd('.')}. Check that the path exists, that this user may read and write it, and that the disk has room.");
            return ExitCodes.Environment;
        }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            Console.Error.WriteLine($"error: the run's state database could not be read or written ({e.Message}). " +
                "If another program holds it, try again; if the file is damaged, keep it for the record and start a new run with --state <new folder>.");
            return ExitCodes.Environment;
        }
    }

    /// <summary>While this thread builds and parses the command line, a second one loads what every verb but help and
    /// --version uses next: SQLite and the JSON writer (about 30 ms of a 150 ms `status`, on the other core).</summary>
    private static void WarmUpInBackground(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
            return;
        new Thread(() =>
        {
            try
            {
                Store.WarmUp();
                JsonOut.WarmUp();
            }
            catch (Exception)
            {
                // Catch-all on purpose: a warm-up only saves time; the command meets any real problem itself.
            }
        }) { IsBackground = true, Name = "ratchet-warm-up" }.Start();
    }

    private static bool AsksForHelp(string[] args) => args.Any(a => a is "-h" or "--help" or "-?" or "/?" or "/h");

    /// <summary>The exit code for exceptions whose message is written for the user, else null (a bug: let it crash).</summary>
    private static int? UserFacing(Exception e) => e switch
    {
        CliException cli => cli.ExitCode,
        RunException => ExitCodes.Environment,
        StoreException => ExitCodes.Environment,
        LedgerException => ExitCodes.Environment,
        ReplayFileException => ExitCodes.UsageError,
        _ => null,
    };
}
