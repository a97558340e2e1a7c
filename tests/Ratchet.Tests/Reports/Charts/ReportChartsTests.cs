using Ratchet.Evaluation;
using Ratchet.Reports;
using Ratchet.Reports.Charts;

namespace Ratchet.Tests.Reports.Charts;

public sealed class ReportChartsTests
{
    [Fact]
    public void ScoreByEvaluation_OfARun_IsAPngOfTheDocumentedSize()
    {
        using var fixture = ReportFixture.Standard();
        var png = ReportCharts.ScoreByEvaluation(RunReportReader.Read(fixture.Store, "x"));
        var path = Path.Combine(fixture.Path, "a.png");
        File.WriteAllBytes(path, png);
        ReportWriterTests.AssertPng(path);
    }

    [Fact]
    public void ScoreByTime_OfARunWithoutScores_IsStillAPng()
    {
        using var fixture = new ReportFixture().Candidate("aaaa0000", 0, null, "initial", Outcome.Crashed, null);
        var path = Path.Combine(fixture.Path, "t.png");
        File.WriteAllBytes(path, ReportCharts.ScoreByTime(RunReportReader.Read(fixture.Store, "x")));
        ReportWriterTests.AssertPng(path);
    }

    [Fact]
    public async Task Charts_DrawnOnSeveralThreadsAtOnce_AreTheSameAsDrawnAlone()
    {
        // ReportWriter draws its two charts in parallel; ScottPlot's font cache must cope.
        using var fixture = ReportFixture.Standard();
        var report = RunReportReader.Read(fixture.Store, "x");
        var alone = ReportCharts.ScoreByEvaluation(report);
        var together = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() =>
            i % 2 == 0 ? ReportCharts.ScoreByEvaluation(report) : ReportCharts.ScoreByTime(report), TestContext.Current.CancellationToken)));
        Assert.Equal(alone, together[0]);
        Assert.Equal(alone, together[2]);
        Assert.Equal(together[1], together[3]);
    }

    [Fact]
    public void Charts_DrawTheirTextWithTheEmbeddedFont()
    {
        // The embedded font answers for its own name only, and without any system font lookup.
        var fonts = new ReportFonts();
        Assert.NotNull(fonts.CreateTypeface(ReportFonts.Name, bold: false, italic: false));
        Assert.NotNull(fonts.CreateTypeface(ReportFonts.Name, bold: true, italic: false));
        Assert.Null(fonts.CreateTypeface("Some Other Font", bold: false, italic: false));
        using var typeface = fonts.CreateTypeface(ReportFonts.Name, bold: false, italic: false)!;
        Assert.Equal("DejaVu Sans", typeface.FamilyName);
        Assert.True(typeface.ContainsGlyphs("score 0123456789 ±≤"));
    }
}
