namespace Ratchet.Proposers.Builtin.Genome;

/// <summary>The outcome of reading a genome: the genome, or every problem found.</summary>
public sealed record GenomeParseResult(string Source, ImproverGenome? Genome, IReadOnlyList<GenomeError> Errors)
{
    public bool Ok => Genome is not null && Errors.Count == 0;

    public static GenomeParseResult Failed(string source, params GenomeError[] errors) => new(source, null, errors);

    /// <summary>All problems under one heading, one per line, for a user.</summary>
    public string Describe() => Ok
        ? $"improver genome '{Source}' is valid"
        : $"improver genome '{Source}' has {Errors.Count} problem(s):" + string.Concat(Errors.Select(e => "\n  - " + e));
}
