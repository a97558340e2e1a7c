using System.Globalization;

namespace Ratchet.Tasks.Toml;

/// <summary>A 1-based line and column in a text file.</summary>
internal readonly record struct TextPos(int Line, int Column);

/// <summary>A TOML value with the place it was written: the task loader's view of a parsed file.</summary>
internal abstract class TomlNode(TextPos pos)
{
    public TextPos Pos { get; set; } = pos;

    /// <summary>How the value reads in an error message, e.g. <c>a string ("abc")</c> or <c>an integer (3)</c>.</summary>
    public abstract string Describe();
}

/// <summary>A string, integer (long), float (double), boolean or date-time.</summary>
internal sealed class TomlScalar(object value, TextPos pos) : TomlNode(pos)
{
    public object Value { get; } = value;

    public override string Describe() => Value switch
    {
        string s => $"a string ({Quote(s)})",
        long l => $"an integer ({l.ToString(CultureInfo.InvariantCulture)})",
        double d => $"a float ({FormatFloat(d)})",
        bool b => $"a boolean ({(b ? "true" : "false")})",
        _ => $"a date-time ({Value})",
    };

    public static string Quote(string s) => "\"" + (s.Length > 40 ? s[..37] + "..." : s) + "\"";

    public static string FormatFloat(double d) => double.IsNaN(d) ? "nan"
        : double.IsPositiveInfinity(d) ? "inf"
        : double.IsNegativeInfinity(d) ? "-inf"
        : d.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>An array (also an array of tables written with <c>[[name]]</c>).</summary>
internal sealed class TomlList(TextPos pos) : TomlNode(pos)
{
    public List<TomlNode> Items { get; } = [];

    public override string Describe() => Items.Count > 0 && Items.All(i => i is TomlTableNode { Style: TableStyle.ArrayElement })
        ? "an array of tables ([[...]])"
        : "an array";
}

/// <summary>How a table was written; only used to describe it.</summary>
internal enum TableStyle
{
    Root,
    Header,
    Implicit,
    Inline,
    ArrayElement,
}

/// <summary>A table: keys in the order they were written, each with its own position.</summary>
internal sealed class TomlTableNode(TextPos pos, TableStyle style) : TomlNode(pos)
{
    public TableStyle Style { get; set; } = style;

    public List<TomlEntry> Entries { get; } = [];

    public TomlEntry? Find(string key) => Entries.Find(e => e.Key == key);

    public override string Describe() => Style == TableStyle.Inline ? "an inline table" : "a table";
}

/// <summary>A key and its value, with where the key was written.</summary>
internal sealed record TomlEntry(string Key, TextPos KeyPos, TomlNode Value);
