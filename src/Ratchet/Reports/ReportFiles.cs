namespace Ratchet.Reports;

/// <summary>Where <see cref="ReportWriter"/> put the report.</summary>
public sealed record ReportFiles(string Directory, string ScorePng, string TimePng, string Html);
