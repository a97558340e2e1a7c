using ScottPlot;

namespace Ratchet.Reports.Charts;

/// <summary>Draws the report's PNGs with ScottPlot: every candidate's score and the champion line, over evaluations
/// and over wall time.</summary>
public static class ReportCharts
{
    public const int Width = 1000;
    public const int Height = 480;

    private static readonly Color Scored = Color.FromHex("#4a7fb5").WithAlpha(0.55);
    private static readonly Color Champion = Color.FromHex("#d9730d");
    private static readonly Color Failed = Color.FromHex("#a50f15").WithAlpha(0.8);

    /// <summary>PNG of score per evaluation (decision order) with the champion as a step line.</summary>
    public static byte[] ScoreByEvaluation(RunReport report) =>
        Draw(report, "evaluation (decision order)", p => p.Seq, c => c.Seq, 1);

    /// <summary>PNG of score over the run's wall-clock time (from its creation), with the champion as a step line.</summary>
    public static byte[] ScoreByTime(RunReport report)
    {
        var last = report.Points.Max(p => p.Seconds) ?? 0;
        var (unit, divisor) = last switch { < 120 => ("s", 1.0), < 7200 => ("min", 60.0), _ => ("h", 3600.0) };
        return Draw(report, $"time since the run started ({unit})", p => p.Seconds, c => c.Seconds, divisor);
    }

    private static byte[] Draw(RunReport report, string xLabel, Func<EvaluationPoint, double?> x, Func<ChampionStep, double> championX, double divisor)
    {
        ReportFonts.Register();
        var plot = new Plot();
        var summary = report.Summary;
        var scored = report.Points.Where(p => p.Score is not null && x(p) is not null).ToArray();
        var xs = scored.Select(p => x(p)!.Value / divisor).ToArray();
        var ys = scored.Select(p => p.Score!.Value).ToArray();
        if (scored.Length > 0)
        {
            var points = plot.Add.ScatterPoints(xs, ys, Scored);
            points.MarkerSize = 4;
            points.LegendText = "ok candidate";
            AddFailures(plot, report, x, divisor, ys.Min(), ys.Max());
            AddChampionLine(plot, report, championX, divisor, report.Points.Select(x).Max() is { } end ? end / divisor : xs.Max());
        }
        else
        {
            plot.Add.Annotation(report.Points.Count == 0 ? "no candidates yet" : "no candidate has a score yet (none came back ok)");
        }
        plot.Title($"{summary.Task}: {summary.Metric ?? "score"}{Direction(summary)}");
        plot.XLabel(xLabel);
        plot.YLabel(summary.Metric ?? "score");
        plot.Font.Set(ReportFonts.Name);
        plot.Axes.Title.Label.Bold = false;
        if (scored.Length > 0)
            plot.ShowLegend(summary.Maximize == false ? Alignment.UpperRight : Alignment.LowerRight);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    private static void AddFailures(Plot plot, RunReport report, Func<EvaluationPoint, double?> x, double divisor, double min, double max)
    {
        var failed = report.Points.Where(p => p.Outcome is not null and not "ok" && x(p) is not null).ToArray();
        if (failed.Length == 0)
            return;
        // Failures have no score: draw them on a rail just below the lowest score.
        var rail = min - Math.Max((max - min) * 0.05, Math.Abs(min) * 0.01 + 1e-9);
        var markers = plot.Add.ScatterPoints(failed.Select(p => x(p)!.Value / divisor).ToArray(), Enumerable.Repeat(rail, failed.Length).ToArray(), Failed);
        markers.MarkerShape = MarkerShape.Cross;
        markers.MarkerSize = 5;
        markers.LegendText = "not ok (no score)";
    }

    private static void AddChampionLine(Plot plot, RunReport report, Func<ChampionStep, double> x, double divisor, double end)
    {
        var steps = report.Champions.Where(c => c.Score is not null).ToArray();
        if (steps.Length == 0)
            return;
        var xs = steps.Select(c => x(c) / divisor).Append(Math.Max(end, x(steps[^1]) / divisor)).ToArray();
        var ys = steps.Select(c => c.Score!.Value).Append(steps[^1].Score!.Value).ToArray();
        var line = plot.Add.Scatter(xs, ys, Champion);
        line.ConnectStyle = ConnectStyle.StepHorizontal;
        line.LineWidth = 2;
        line.MarkerSize = 0;
        line.LegendText = "champion";
        var promoted = plot.Add.ScatterPoints(xs[..^1], ys[..^1], Champion);
        promoted.MarkerSize = 7;
    }

    private static string Direction(ReportSummary summary) => summary.Maximize switch
    {
        true => " (higher is better)",
        false => " (lower is better)",
        null => "",
    };
}
