using System.Text;

namespace Ratchet.Reports.Html;

public static partial class ReportHtml
{
    private static void Counts(StringBuilder html, string id, string what, IReadOnlyDictionary<string, long> counts)
    {
        html.Append("<table id=\"").Append(id).Append("\">\n<tr><th>").Append(E(what)).Append("</th><th>count</th></tr>\n");
        if (counts.Count == 0)
            html.Append("<tr><td colspan=\"2\" class=\"dim\">none</td></tr>\n");
        foreach (var (name, count) in counts)
            html.Append("<tr><td>").Append(E(name)).Append("</td><td class=\"n\">").Append(Number(count)).Append("</td></tr>\n");
        html.Append("</table>\n");
    }

    private static void Lineage(StringBuilder html, RunReport report)
    {
        html.Append("<h2>Champion lineage</h2>\n<p class=\"dim\">From the initial program to the champion, following parents; ")
            .Append("gain is over the parent, positive = better; ★ marks a step that was champion.</p>\n")
            .Append("<table id=\"lineage\">\n<tr><th>seq</th><th>id</th><th>label</th><th>operator</th><th>score</th><th>gain</th><th></th></tr>\n");
        if (report.Lineage.Count == 0)
            html.Append("<tr><td colspan=\"7\" class=\"dim\">no champion yet</td></tr>\n");
        foreach (var step in report.Lineage)
        {
            html.Append("<tr><td class=\"n\">").Append(step.Seq).Append("</td><td><code title=\"").Append(E(step.Id)).Append("\">")
                .Append(E(Short(step.Id))).Append("</code></td><td>").Append(E(Clip(step.Label))).Append("</td><td>")
                .Append(E(Clip(step.Operator))).Append("</td><td class=\"n\">").Append(step.Score is { } s ? E(Format(s)) : "")
                .Append("</td><td class=\"n").Append(step.Gain switch { > 0 => " good", < 0 => " bad", _ => "" }).Append("\">")
                .Append(step.Gain is { } g ? E((g > 0 ? "+" : "") + Format(g)) : "").Append("</td><td>")
                .Append(step.Promoted ? "★" : "").Append("</td></tr>\n");
        }
        html.Append("</table>\n");
    }

    private static void Oversight(StringBuilder html, OversightCounts oversight)
    {
        html.Append("<h2>Oversight</h2>\n<div class=\"row\">\n");
        var approvals = OversightCounts.ApprovalTypes.ToDictionary(t => t, oversight.Count, StringComparer.Ordinal);
        Counts(html, "approvals", "human approvals", approvals);
        Counts(html, "tripwires", "tripwire fired", oversight.Tripwires);
        html.Append("</div>\n");
        var verdicts = oversight.Audits.Values.SelectMany(v => v.Keys).Union(["pass", "flag", "reject"], StringComparer.Ordinal)
            .OrderBy(Rank).ThenBy(v => v, StringComparer.Ordinal).ToArray();
        html.Append("<table id=\"audits\">\n<tr><th>auditor</th>");
        foreach (var verdict in verdicts)
            html.Append("<th>").Append(E(verdict)).Append("</th>");
        html.Append("</tr>\n");
        if (oversight.Audits.Count == 0)
            html.Append("<tr><td colspan=\"").Append(verdicts.Length + 1).Append("\" class=\"dim\">no audit events in the ledger</td></tr>\n");
        foreach (var (auditor, counts) in oversight.Audits)
        {
            html.Append("<tr><td>").Append(E(auditor)).Append("</td>");
            foreach (var verdict in verdicts)
                html.Append("<td class=\"n\">").Append(Number(counts.TryGetValue(verdict, out var n) ? n : 0)).Append("</td>");
            html.Append("</tr>\n");
        }
        html.Append("</table>\n<h3>Ledger events by type</h3>\n");
        Counts(html, "events", "event type", oversight.EventTypes);
    }

    private static int Rank(string verdict) => verdict switch { "pass" => 0, "flag" => 1, "reject" => 2, _ => 3 };
}
