using Ratchet.Reports;
using Ratchet.Reports.Html;

namespace Ratchet.Tests.Reports.Html;

public sealed class ReportHtmlTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    private static string Render(ReportFixture fixture) =>
        ReportHtml.Render(RunReportReader.Read(fixture.Store, "x"), [1, 2, 3], [4, 5, 6], At);

    [Fact]
    public void Render_EscapesHostileLabelsOperatorsAndNames()
    {
        using var fixture = ReportFixture.Standard();
        var html = Render(fixture);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>violations", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<fallback>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;label&#39;)&lt;/script&gt;", html);
        Assert.Contains("op&quot;&gt;&lt;img src=x onerror=alert(1)&gt;", html);
        Assert.Contains("&lt;b&gt;violations&lt;/b&gt;", html);
    }

    [Fact]
    public void Render_ForbidsScriptsWithAContentSecurityPolicy()
    {
        using var fixture = ReportFixture.Standard();
        Assert.Contains("content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\"", Render(fixture));
    }

    [Fact]
    public void Render_ListsTheLineageRowsInOrder_WithOperatorsAndGains()
    {
        using var fixture = ReportFixture.Standard();
        var html = Render(fixture);
        var lineage = Section(html, "<table id=\"lineage\">");
        Assert.Contains("<tr><td class=\"n\">0</td><td><code title=\"aaaa0000\">aaaa0000</code></td><td>initial</td><td>initial</td><td class=\"n\">1</td><td class=\"n\"></td><td>★</td></tr>", lineage);
        Assert.Contains("<tr><td class=\"n\">1</td><td><code title=\"bbbb1111\">bbbb1111</code></td><td>step 1</td><td>mutate-number</td><td class=\"n\">1.5</td><td class=\"n good\">+0.5</td><td>★</td></tr>", lineage);
        Assert.Contains("<td class=\"n\">2.25</td><td class=\"n good\">+0.75</td>", lineage);
        Assert.True(lineage.IndexOf("aaaa0000", StringComparison.Ordinal) < lineage.IndexOf("bbbb1111", StringComparison.Ordinal));
        Assert.True(lineage.IndexOf("bbbb1111", StringComparison.Ordinal) < lineage.IndexOf("eeee4444", StringComparison.Ordinal));
        Assert.DoesNotContain("cccc2222", lineage);
    }

    [Fact]
    public void Render_ShowsOutcomeCountsAndOversightCounts()
    {
        using var fixture = ReportFixture.Standard();
        var html = Render(fixture);
        var outcomes = Section(html, "<table id=\"outcomes\">");
        Assert.Contains("<tr><td>ok</td><td class=\"n\">4</td></tr>", outcomes);
        Assert.Contains("<tr><td>crashed</td><td class=\"n\">1</td></tr>", outcomes);
        Assert.Contains("<tr><td>rejected</td><td class=\"n\">1</td></tr>", outcomes);
        var approvals = Section(html, "<table id=\"approvals\">");
        Assert.Contains("<tr><td>approval-requested</td><td class=\"n\">2</td></tr>", approvals);
        Assert.Contains("<tr><td>approved</td><td class=\"n\">1</td></tr>", approvals);
        Assert.Contains("<tr><td>rejected-by-human</td><td class=\"n\">1</td></tr>", approvals);
        Assert.Contains("<tr><td>score-jump</td><td class=\"n\">2</td></tr>", Section(html, "<table id=\"tripwires\">"));
        var audits = Section(html, "<table id=\"audits\">");
        Assert.Contains("<tr><th>auditor</th><th>pass</th><th>flag</th><th>reject</th></tr>", audits);
        Assert.Contains("<tr><td>static-rules</td><td class=\"n\">2</td><td class=\"n\">0</td><td class=\"n\">1</td></tr>", audits);
        Assert.Contains("<tr><td>holdout-agreement</td><td class=\"n\">0</td><td class=\"n\">1</td><td class=\"n\">0</td></tr>", audits);
        Assert.Contains("<tr><td>audit</td><td class=\"n\">5</td></tr>", Section(html, "<table id=\"events\">"));
    }

    [Fact]
    public void Render_OfASandboxedRun_ShowsNoUnsafeBanner()
    {
        using var fixture = ReportFixture.Standard();
        var html = Render(fixture);
        Assert.DoesNotContain("id=\"unsafe\"", html);
        Assert.Contains("<tr><th>sandbox</th><td>bwrap<br>", html);
    }

    [Fact]
    public void Render_OfAnUnsandboxedRun_SaysSoLoudlyAtTheTopAndInTheSummary()
    {
        using var fixture = new ReportFixture(sandboxMode: "none", unsafeNoSandbox: true);
        var html = Render(fixture);
        var banner = html.IndexOf("<div class=\"unsafe\" id=\"unsafe\">UNSAFE: candidates ran WITHOUT a sandbox", StringComparison.Ordinal);
        Assert.True(banner > 0 && banner < html.IndexOf("<h2>Summary</h2>", StringComparison.Ordinal));
        Assert.Contains("<strong class=\"bad\">UNSAFE: no isolation</strong>", html);
    }

    [Fact]
    public void Render_EmbedsTheImagesAsDataUris()
    {
        using var fixture = ReportFixture.Standard();
        var html = Render(fixture);
        Assert.Contains("src=\"data:image/png;base64,AQID\"", html);
        Assert.Contains("src=\"data:image/png;base64,BAUG\"", html);
        Assert.DoesNotContain("http://", html);
        Assert.DoesNotContain("https://", html);
    }

    [Theory]
    [InlineData("<a href=\"x\">'&'</a>", "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")]
    [InlineData("bell\u0007 and nul\0", "bell and nul")]
    [InlineData("plain", "plain")]
    public void E_EscapesMarkupAndDropsControlCharacters(string text, string expected)
    {
        Assert.Equal(expected, ReportHtml.E(text));
    }

    private static string Section(string html, string start)
    {
        var from = html.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"missing {start}");
        return html[from..html.IndexOf("</table>", from, StringComparison.Ordinal)];
    }
}
