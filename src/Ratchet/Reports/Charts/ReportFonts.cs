using SkiaSharp;

namespace Ratchet.Reports.Charts;

/// <summary>The one font the charts use, embedded (a DejaVu Sans subset, see Fonts/LICENSE.txt), so a PNG has its
/// text on a machine with no fonts installed and looks the same on every machine.</summary>
internal sealed class ReportFonts : ScottPlot.IFontResolver
{
    public const string Name = "Ratchet Report Sans";

    private static readonly byte[] RegularBytes = Load("DejaVuSans-Subset");
    private static readonly byte[] BoldBytes = Load("DejaVuSans-Bold-Subset");
    private static readonly Lock Gate = new();
    private static bool _registered;

    /// <summary>Adds the resolver to ScottPlot's process-wide list once.</summary>
    public static void Register()
    {
        lock (Gate)
        {
            if (_registered)
                return;
            ScottPlot.Fonts.FontResolvers.Add(new ReportFonts());
            _registered = true;
        }
    }

    public SKTypeface? CreateTypeface(string fontName, ScottPlot.FontWeight weight, ScottPlot.FontSlant slant, ScottPlot.FontSpacing spacing) =>
        CreateTypeface(fontName, weight >= ScottPlot.FontWeight.SemiBold, slant != ScottPlot.FontSlant.Upright);

    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
        fontName == Name ? SKTypeface.FromData(SKData.CreateCopy(bold ? BoldBytes : RegularBytes)) : null;

    private static byte[] Load(string file)
    {
        using var stream = typeof(ReportFonts).Assembly.GetManifestResourceStream($"Ratchet.Reports.Fonts.{file}.ttf")
            ?? throw new InvalidOperationException($"the embedded font {file}.ttf is missing from the Ratchet assembly");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
