namespace Ratchet.Cli.Output;

/// <summary>How a pending request reads for a person: why, what changed, and the numbers.</summary>
internal static class PendingView
{
    public static void Print(TextWriter o, IReadOnlyDictionary<string, object?> item, bool withDiff = false)
    {
        o.WriteLine($"request #{item["id"]} ({item["kind"]}) for candidate {Short(item["candidate"] as string)} {item["label"]}");
        foreach (var reason in (IReadOnlyList<string>)item["reasons"]!)
            o.WriteLine($"  why      {reason}");
        o.WriteLine($"  score    {item["score"] ?? "-"} (champion {item["champion_score"] ?? "-"})");
        o.WriteLine($"  holdout  {item["holdout_score"] ?? "-"} (champion {item["champion_holdout_score"] ?? "-"})  sealed: never shown to the proposer");
        if (item["deadline"] is string deadline)
            o.WriteLine($"  deadline {deadline} (then rejected automatically)");
        if (withDiff && item["diff_text"] is string diff && diff.Length > 0)
        {
            var lines = diff.Split('\n');
            foreach (var line in lines.Take(60))
                o.WriteLine("  " + line);
            if (lines.Length > 60)
                o.WriteLine($"  ... ({lines.Length - 60} more diff lines: `ratchet show <task> {Short(item["candidate"] as string)}`)");
        }
        o.WriteLine($"  answer   ratchet approve <task> {item["id"]}   or   ratchet reject <task> {item["id"]} --note \"why\"");
    }

    private static string Short(string? id) => id is null ? "-" : id[..Math.Min(12, id.Length)];
}
