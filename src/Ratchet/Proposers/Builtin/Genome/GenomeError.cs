namespace Ratchet.Proposers.Builtin.Genome;

/// <summary>One problem in an improver genome.</summary>
/// <param name="Line">1-based line in the TOML source, when known.</param>
/// <param name="Key">Dotted key (e.g. <c>literal.initial_step</c>), or empty for the file as a whole.</param>
/// <param name="Message">What is wrong and what to write instead.</param>
public sealed record GenomeError(int? Line, string Key, string Message)
{
    public override string ToString()
    {
        var where = Line is { } line ? $"line {line}: " : "";
        var key = Key.Length > 0 ? $"{Key}: " : "";
        return where + key + Message;
    }
}
