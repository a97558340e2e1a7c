using System.Buffers.Binary;
using Ratchet.Evaluation;
using Ratchet.Reports;
using Ratchet.Reports.Charts;
using Ratchet.Tests.Tasks;

namespace Ratchet.Tests.Reports;

public sealed class ReportWriterTests
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    internal static void AssertPng(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 5_000, $"{path} is only {bytes.Length} bytes");
        Assert.Equal(PngSignature, bytes[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        Assert.Equal(ReportCharts.Width, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
        Assert.Equal(ReportCharts.Height, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }

    [Fact]
    public void Write_OfAPopulatedStore_WritesTwoPngsAndAPageThatEmbedsThem()
    {
        using var fixture = ReportFixture.Standard();
        var out_ = Path.Combine(fixture.Path, "out", "nested");
        var files = ReportWriter.Write(RunReportReader.Read(fixture.Store, "x"), out_, new FixedTime(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero)));
        Assert.Equal(Path.Combine(out_, "report.html"), files.Html);
        AssertPng(files.ScorePng);
        AssertPng(files.TimePng);
        var html = File.ReadAllText(files.Html);
        Assert.Equal(2, CountOf(html, "src=\"data:image/png;base64,"));
        Assert.Contains(Convert.ToBase64String(File.ReadAllBytes(files.ScorePng)), html);
        Assert.Contains("2026-03-02 09:30:00 UTC", html);
        Assert.Empty(Directory.GetFiles(out_, "*.tmp"));
    }

    [Fact]
    public void Write_OfARunWithNoOkCandidate_StillRendersEverything()
    {
        using var fixture = new ReportFixture()
            .Candidate("aaaa0000", 0, null, "initial", Outcome.Crashed, null)
            .Candidate("bbbb1111", 1, "aaaa0000", "mutate-number", Outcome.InvalidMetrics, null);
        var files = ReportWriter.Write(RunReportReader.Read(fixture.Store, "x"), Path.Combine(fixture.Path, "out"));
        AssertPng(files.ScorePng);
        AssertPng(files.TimePng);
        var html = File.ReadAllText(files.Html);
        Assert.Contains("no champion yet", html);
        Assert.Contains("<tr><td>invalid-metrics</td><td class=\"n\">1</td></tr>", html);
    }

    [Fact]
    public void Write_OfAnEmptyStore_StillRendersEverything()
    {
        using var fixture = new ReportFixture();
        var files = ReportWriter.Write(RunReportReader.Read(fixture.Store, "x"), Path.Combine(fixture.Path, "out"));
        AssertPng(files.ScorePng);
        Assert.Contains("<tr><td colspan=\"2\" class=\"dim\">none</td></tr>", File.ReadAllText(files.Html));
    }

    [Fact]
    public void Write_Twice_ReplacesTheFiles()
    {
        using var fixture = ReportFixture.Standard();
        var folder = Path.Combine(fixture.Path, "out");
        ReportWriter.Write(RunReportReader.Read(fixture.Store, "x"), folder);
        fixture.Candidate("abab9999", 6, "eeee4444", "mutate-number", Outcome.Ok, 3.5, promote: true);
        var files = ReportWriter.Write(RunReportReader.Read(fixture.Store, "x"), folder);
        Assert.Contains("abab9999", File.ReadAllText(files.Html));
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal))
            count++;
        return count;
    }
}
