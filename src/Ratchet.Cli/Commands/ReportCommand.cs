using System.CommandLine;
using Ratchet.Cli.Output;
using Ratchet.Reports;

namespace Ratchet.Cli.Commands;

/// <summary><c>ratchet report &lt;task&gt;</c>: charts (PNG) and a self-contained HTML page of the run.</summary>
internal static class ReportCommand
{
    public const string DefaultFolder = "report";

    public static Command Create()
    {
        var task = CommonOptions.Task();
        var state = CommonOptions.State();
        var json = CommonOptions.Json();
        var output = new Option<string?>("--out")
        {
            Description = $"Folder for report.png, report-time.png and report.html (default: <state>/{DefaultFolder}).",
            HelpName = "DIR",
        };
        var command = new Command("report", "Write the run's charts (score per evaluation and over time, champion line) and an HTML page with outcomes, the champion lineage and oversight counts.")
        {
            task, state, output, json,
        };
        command.SetAction(parse =>
        {
            var context = TaskContext.Resolve(parse.GetValue(task)!, parse.GetValue(state));
            using var store = context.OpenStore();
            var report = RunReportReader.Read(store, Path.GetFileName(context.TaskDirectory));
            var folder = Path.GetFullPath(parse.GetValue(output) ?? Path.Combine(context.StateDirectory, DefaultFolder));
            ReportFiles files;
            try
            {
                files = ReportWriter.Write(report, folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"could not write the report into {folder}: {e.Message.TrimEnd('.')}. Pass a writable folder, e.g. `ratchet report {context.TaskArgument} --out /tmp/report`.", ExitCodes.Environment);
            }
            if (parse.GetValue(json))
                JsonOut.Write(Json(files, report));
            else
                Print(files, report);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Dictionary<string, object?> Json(ReportFiles files, RunReport report) => new()
    {
        ["html"] = files.Html,
        ["png"] = files.ScorePng,
        ["png_time"] = files.TimePng,
        ["summary"] = report.Summary,
        ["outcomes"] = report.Outcomes,
        ["promotions"] = report.Champions.Count,
        ["lineage_length"] = report.Lineage.Count,
        ["oversight"] = report.Oversight,
    };

    private static void Print(ReportFiles files, RunReport report)
    {
        var s = report.Summary;
        Console.Out.WriteLine($"report      {files.Html}");
        Console.Out.WriteLine($"charts      {files.ScorePng}, {files.TimePng}");
        Console.Out.WriteLine($"task        {s.Task} ({s.State}), {s.Evaluations} evaluations, {report.Champions.Count} promotions");
        Console.Out.WriteLine(s.BestId is null ? "best        none" : $"best        {s.BestId[..Math.Min(12, s.BestId.Length)]} {s.BestScore:G6} ({s.BestLabel})");
        if (s.Unsafe)
            Console.Out.WriteLine($"sandbox     {s.SandboxMode}  ** UNSAFE: candidates ran without isolation **");
        var o = report.Oversight;
        if (o.Audits.Count > 0 || o.Tripwires.Count > 0 || OversightCounts.ApprovalTypes.Any(t => o.Count(t) > 0))
        {
            Console.Out.WriteLine($"oversight   {o.Audits.Values.Sum(v => v.Values.Sum())} audits, {o.Tripwires.Values.Sum()} tripwire fires, " +
                $"{o.Count("approval-requested")} approvals requested ({o.Count("approved")} approved, {o.Count("rejected-by-human")} rejected)");
        }
    }
}
