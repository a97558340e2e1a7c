namespace Ratchet.Proposers.Builtin.Genome;

/// <summary>The TOML value types a genome key can hold.</summary>
internal enum GenomeValueKind
{
    Float,
    Integer,
    Boolean,
    Choice,
}

/// <summary>One scalar key of the genome: where it lives in TOML, its type, bounds and how to read and set it.</summary>
internal sealed record GenomeKey(
    string Path,
    GenomeValueKind Kind,
    double Min,
    double Max,
    string Doc,
    Func<ImproverGenome, object> Get,
    Func<ImproverGenome, object, ImproverGenome> Set,
    IReadOnlyList<string>? Choices = null)
{
    public string Table => Path.Contains('.') ? Path[..Path.LastIndexOf('.')] : "";

    public string Name => Path[(Path.LastIndexOf('.') + 1)..];

    /// <summary>Null when <paramref name="value"/> is within bounds, else the complaint.</summary>
    public string? CheckRange(object value) => Kind switch
    {
        GenomeValueKind.Float when value is double d && (!double.IsFinite(d) || d < Min || d > Max) =>
            $"{GenomeTomlWriter.Number(d)} is out of range; expected a number from {GenomeTomlWriter.Number(Min)} to {GenomeTomlWriter.Number(Max)}",
        GenomeValueKind.Integer when value is int i && (i < Min || i > Max) =>
            $"{i} is out of range; expected a whole number from {Min} to {Max}",
        _ => null,
    };
}
