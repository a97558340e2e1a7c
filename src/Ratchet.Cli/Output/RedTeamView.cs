using Ratchet.RedTeam;

namespace Ratchet.Cli.Output;

/// <summary>The red-team report for people (a table) and for machines (the documented JSON).</summary>
internal static class RedTeamView
{
    public static object Json(RedTeamReport report) => new
    {
        policy = new { source = report.PolicySource, hash = report.PolicyHash },
        attacks = report.Attacks.Select(a => new
        {
            name = a.Case.Name,
            category = a.Case.Category,
            target = a.Case.Target,
            result = a.Result.ToWire(),
            by = a.By,
            reason = a.Reason,
            wall_seconds = Math.Round(a.WallSeconds, 2),
        }),
        benign = new
        {
            total = report.Benign.Count,
            rejected = report.BenignRejected,
            rate = Math.Round(report.BenignRejectionRate, 4),
            cases = report.Benign.Select(b => new { name = b.Case.Name, target = b.Case.Target, result = b.Result.ToWire(), by = b.By, reason = b.Reason }),
        },
        escaped = report.Escaped,
        caught = report.Caught,
        contained = report.Contained,
        errors = report.Errors,
        missing_categories = report.MissingCategories,
        wall_seconds = Math.Round(report.WallSeconds, 1),
    };

    public static void Print(TextWriter output, RedTeamReport report)
    {
        output.WriteLine($"policy: {report.PolicySource} (sha256 {report.PolicyHash[..12]})");
        output.WriteLine();
        var nameWidth = Math.Min(48, report.Attacks.Concat(report.Benign).Select(a => a.Case.Name.Length).DefaultIfEmpty(10).Max());
        var categoryWidth = report.Attacks.Select(a => a.Case.Category?.Length ?? 0).DefaultIfEmpty(8).Max();
        output.WriteLine($"{"attack".PadRight(nameWidth)}  {"category".PadRight(categoryWidth)}  {"result",-9}  by");
        foreach (var a in report.Attacks)
            output.WriteLine($"{Clip(a.Case.Name, nameWidth).PadRight(nameWidth)}  {(a.Case.Category ?? "").PadRight(categoryWidth)}  {a.Result.ToWire(),-9}  {a.By}");
        var rejected = report.Benign.Where(b => b.Result != CaseOutcome.Promoted).ToArray();
        if (rejected.Length > 0)
        {
            output.WriteLine();
            output.WriteLine("benign cases not promoted:");
            foreach (var b in rejected)
                output.WriteLine($"  {b.Case.Name}: {b.Result.ToWire()} by {b.By}: {b.Reason}");
        }
        foreach (var e in report.Attacks.Where(a => a.Result is CaseOutcome.Escaped or CaseOutcome.Error))
            output.WriteLine($"\n{e.Result.ToWire().ToUpperInvariant()}: {e.Case.Name}: {e.Reason}");
        output.WriteLine();
        output.WriteLine($"{report.Attacks.Count} attacks: {report.Caught} caught, {report.Contained} contained, {report.Escaped} escaped" +
            (report.Errors > 0 ? $", {report.Errors} could not run" : "") + $"; {report.WallSeconds:0} s");
        output.WriteLine($"benign: {report.BenignRejected} of {report.Benign.Count} rejected ({report.BenignRejectionRate:P1} false rejections)");
        if (report.MissingCategories.Count > 0)
            output.WriteLine($"categories without an attack: {string.Join(", ", report.MissingCategories)}");
    }

    private static string Clip(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
