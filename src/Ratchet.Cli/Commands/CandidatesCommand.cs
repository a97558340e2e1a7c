using System.CommandLine;
using System.Text.Json;
using Ratchet.Cli.Output;
using Ratchet.Common;
using Ratchet.Evaluation;
using Ratchet.Storage;

namespace Ratchet.Cli.Commands;

/// <summary><c>ratchet candidates &lt;task&gt;</c>: every candidate in decision order.</summary>
internal static class CandidatesCommand
{
    public static Command Create()
    {
        var task = CommonOptions.Task();
        var state = CommonOptions.State();
        var json = CommonOptions.Json();
        var status = new Option<string?>("--status") { Description = "Only candidates with this status: champion, accepted, rejected, failed or pending.", HelpName = "STATUS" };
        var command = new Command("candidates", "List candidates: id, label, parent, status, outcome, score, reasons, promoted.") { task, state, status, json };
        command.SetAction(parse =>
        {
            var context = TaskContext.Resolve(parse.GetValue(task)!, parse.GetValue(state));
            using var store = context.OpenStore();
            CandidateStatus? only = null;
            if (parse.GetValue(status) is { } s)
            {
                try
                {
                    only = CandidateStatusNames.Parse(s);
                }
                catch (FormatException)
                {
                    throw new CliException($"unknown status '{s}': expected champion, accepted, rejected, failed or pending.");
                }
            }
            var candidates = store.Candidates().Where(c => only is null || c.Status == only);
            if (parse.GetValue(json))
                WriteJson(candidates);
            else
                WriteText(candidates);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteJson(IEnumerable<CandidateRecord> candidates)
    {
        using var stdout = Console.OpenStandardOutput();
        using var writer = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true, Encoder = Json.Options.Encoder });
        writer.WriteStartArray();
        foreach (var c in candidates)
            JsonSerializer.Serialize(writer, ToJson(c), Json.Options);
        writer.WriteEndArray();
        writer.Flush();
        stdout.WriteByte((byte)'\n');
    }

    internal static object ToJson(CandidateRecord c) => new Dictionary<string, object?>
    {
        ["id"] = c.Id,
        ["seq"] = c.Seq,
        ["label"] = c.Label,
        ["parent"] = c.Parent,
        ["operator"] = c.Operator,
        ["status"] = c.Status.ToWire(),
        ["outcome"] = c.Outcome?.ToWire(),
        ["score"] = c.Score,
        ["reasons"] = c.Reasons,
        ["promoted"] = c.Promoted,
    };

    private static void WriteText(IEnumerable<CandidateRecord> candidates)
    {
        Console.Out.WriteLine($"{"#",5}  {"id",-12}  {"status",-9}  {"outcome",-17}  {"score",14}  {"operator",-14}  label");
        foreach (var c in candidates)
        {
            var score = c.Score is { } s ? s.ToString("G8", System.Globalization.CultureInfo.InvariantCulture) : "-";
            var mark = c.Promoted ? "*" : " ";
            Console.Out.WriteLine($"{c.Seq,5}{mark} {Summaries.Short(c.Id),-12}  {c.Status.ToWire(),-9}  {c.Outcome?.ToWire() ?? "-",-17}  {score,14}  {c.Operator,-14}  {c.Label}");
        }
        Console.Out.WriteLine("(* = promoted at some point)");
    }
}
