using System.Text.Json;
using Ratchet.IntegrationTests.Support;

namespace Ratchet.IntegrationTests.Cli;

public sealed class ReportCliTests
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public async Task Report_AfterARealRun_WritesChartsAndAnEscapedPage()
    {
        using var task = PythonTask.Create();
        var replay = task.Replay(("better", PythonTask.WithValue(2)), ("<script>alert('x')</script>", PythonTask.WithValue(3)), ("crash", "raise SystemExit(3)\n"));
        var run = await task.Ratchet.RunAsync("run", task.Dir, "--replay", replay, "--workers", "1");
        Assert.True(run.ExitCode == 0, run.ToString());

        var result = await task.Ratchet.RunAsync("report", task.Dir, "--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        var json = JsonDocument.Parse(result.Stdout).RootElement;
        var html = json.GetProperty("html").GetString()!;
        Assert.Equal(Path.Combine(task.State, "report", "report.html"), html);
        Assert.Equal(3.0, json.GetProperty("summary").GetProperty("best_score").GetDouble());
        Assert.Equal(3, json.GetProperty("promotions").GetInt32());
        Assert.Equal(1, json.GetProperty("outcomes").GetProperty("crashed").GetInt64());
        foreach (var png in new[] { json.GetProperty("png").GetString()!, json.GetProperty("png_time").GetString()! })
            Assert.Equal(PngSignature, File.ReadAllBytes(png)[..8]);
        var page = File.ReadAllText(html);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", page);
        Assert.Contains("<tr><td>run-started</td><td class=\"n\">1</td></tr>", page);
    }

    [Fact]
    public async Task Report_WithOut_WritesThereAndPrintsThePaths()
    {
        using var task = PythonTask.Create();
        var run = await task.Ratchet.RunAsync("run", task.Dir, "--replay", task.Replay(("better", PythonTask.WithValue(2))), "--workers", "1");
        Assert.True(run.ExitCode == 0, run.ToString());
        var folder = Path.Combine(task.Root, "elsewhere");
        var result = await task.Ratchet.RunAsync("report", task.Dir, "--out", folder);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(Path.Combine(folder, "report.html"), result.Stdout);
        Assert.True(File.Exists(Path.Combine(folder, "report-time.png")));
    }

    [Fact]
    public async Task Report_BeforeAnyRun_SaysHowToStartOne()
    {
        using var task = PythonTask.Create();
        var result = await task.Ratchet.RunAsync("report", task.Dir);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no run found", result.Stderr);
        Assert.Contains("ratchet run", result.Stderr);
    }
}
