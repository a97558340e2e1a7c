using System.Text.Json;
using Ratchet.Reports.Charts;
using ScottPlot;

namespace Ratchet.Bench;

/// <summary>Draws bench_search.py's result: per proposer, the median champion line over the seeds (thick) and each
/// seed's line (thin), score against evaluations.</summary>
internal static class SearchChart
{
    public static int Run(string jsonPath, string pngPath)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(jsonPath));
        var root = document.RootElement;
        var runs = root.GetProperty("runs").EnumerateArray().Select(r => (
            Proposer: r.GetProperty("proposer").GetString()!,
            Line: r.GetProperty("line").EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Number ? v.GetDouble() : double.NaN).ToArray())).ToList();
        ReportFonts.Register();
        var plot = new Plot();
        var palette = new[] { Colors.Blue, Colors.OrangeRed, Colors.Green, Colors.Purple };
        var proposers = runs.Select(r => r.Proposer).Distinct().ToList();
        for (var p = 0; p < proposers.Count; p++)
        {
            var lines = runs.Where(r => r.Proposer == proposers[p]).Select(r => r.Line).ToList();
            var length = lines.Min(l => l.Length);
            var xs = Enumerable.Range(1, length).Select(i => (double)i).ToArray();
            foreach (var line in lines)
            {
                var thin = plot.Add.ScatterLine(xs, line[..length]);
                thin.Color = palette[p % palette.Length].WithAlpha(0.3);
                thin.LineWidth = 1;
            }
            var median = Enumerable.Range(0, length).Select(i => Median(lines.Select(l => l[i]))).ToArray();
            var thick = plot.Add.ScatterLine(xs, median);
            thick.Color = palette[p % palette.Length];
            thick.LineWidth = 3;
            thick.LegendText = $"{proposers[p]} (median of {lines.Count} seeds)";
        }
        var task = root.GetProperty("task").GetString();
        plot.Title($"{task}: champion score against evaluations ({root.GetProperty("direction").GetString()})");
        plot.XLabel("evaluations");
        plot.YLabel("champion score");
        plot.Font.Set(ReportFonts.Name);
        plot.Axes.Title.Label.Bold = false;
        plot.ShowLegend(root.GetProperty("direction").GetString() == "maximize" ? Alignment.LowerRight : Alignment.UpperRight);
        plot.SavePng(pngPath, 1000, 600);
        Console.WriteLine(pngPath);
        return 0;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Where(double.IsFinite).Order().ToArray();
        if (sorted.Length == 0)
            return double.NaN;
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
