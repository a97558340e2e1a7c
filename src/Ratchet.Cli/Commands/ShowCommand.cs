using System.CommandLine;
using System.Text.Json;
using Ratchet.Cli.Output;
using Ratchet.Common;
using Ratchet.Evaluation;
using Ratchet.Storage;

namespace Ratchet.Cli.Commands;

/// <summary><c>ratchet show &lt;task&gt; &lt;id&gt;</c>: one candidate in full, holdout included (for humans only).</summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var task = CommonOptions.Task();
        var id = new Argument<string>("id") { Description = "Candidate id (a unique prefix of at least 4 characters) or #N." };
        var state = CommonOptions.State();
        var json = CommonOptions.Json();
        var command = new Command("show", "Show one candidate: diff against its parent, metrics, outcome, reasons, output tails, resources.") { task, id, state, json };
        command.SetAction(parse =>
        {
            var context = TaskContext.Resolve(parse.GetValue(task)!, parse.GetValue(state));
            using var store = context.OpenStore();
            var c = CandidateLookup.Find(store, parse.GetValue(id)!);
            if (parse.GetValue(json))
            {
                var full = (Dictionary<string, object?>)CandidatesCommand.ToJson(c);
                full["diff"] = c.Diff;
                full["metrics"] = c.Metrics is null ? null : JsonSerializer.Deserialize<JsonElement>(c.Metrics);
                full["repeat_scores"] = c.RepeatScores;
                full["holdout"] = c.Holdout;
                full["resources"] = c.Resources;
                full["artifacts"] = c.Artifacts;
                full["sandbox_runs"] = c.SandboxRuns;
                full["cpu_seconds"] = c.CpuSeconds;
                full["meta"] = c.Meta;
                full["proposed_at"] = c.ProposedAt;
                full["evaluated_at"] = c.EvaluatedAt;
                full["decided_at"] = c.DecidedAt;
                JsonOut.Write(full);
                return ExitCodes.Ok;
            }
            Print(c);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Print(CandidateRecord c)
    {
        var o = Console.Out;
        o.WriteLine($"candidate  {c.Id}  (#{c.Seq}, {c.Label})");
        o.WriteLine($"parent     {c.Parent ?? "none (initial program)"}");
        o.WriteLine($"operator   {c.Operator}");
        o.WriteLine($"status     {c.Status.ToWire()}{(c.Promoted ? " (was promoted)" : "")}");
        o.WriteLine($"outcome    {c.Outcome?.ToWire() ?? "not assessed yet"}");
        if (c.Score is { } score)
            o.WriteLine($"score      {score:G10}{(c.RepeatScores.Count > 1 ? $"  (repeats: {string.Join(", ", c.RepeatScores.Select(s => s.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)))})" : "")}");
        if (c.Metrics is not null)
            o.WriteLine($"metrics    {c.Metrics}");
        if (c.Holdout is { } h)
            o.WriteLine($"holdout    {h.Outcome.ToWire()}{(h.Score is { } hs ? $", score {hs:G10}" : "")}  (sealed: never shown to a proposer)");
        foreach (var reason in c.Reasons)
            o.WriteLine($"reason     {reason}");
        if (c.Resources is { } r)
            o.WriteLine($"resources  {r.CpuSeconds:0.###} CPU s, {r.WallSeconds:0.###} s wall, {r.MaxRssMb:0.#} MB peak ({c.SandboxRuns} sandbox runs)");
        if (c.Artifacts is { } a)
        {
            Section(o, "run stdout (tail)", a.RunStdoutTail);
            Section(o, "run stderr (tail)", a.RunStderrTail);
            Section(o, "score stderr (tail)", a.ScoreStderrTail);
            if (a.Results.Count > 0)
                o.WriteLine($"results    {string.Join(", ", a.Results.Select(f => $"{f.RelativePath} ({f.Length} B)"))}");
        }
        o.WriteLine("diff against parent:");
        o.Write(c.Diff.Length == 0 ? "  (no change)\n" : c.Diff);
    }

    private static void Section(TextWriter o, string title, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return;
        o.WriteLine($"--- {title} ---");
        o.WriteLine(text.TrimEnd());
    }
}
