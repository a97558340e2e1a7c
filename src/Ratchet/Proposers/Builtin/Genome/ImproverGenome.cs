using System.Security.Cryptography;
using System.Text;
using Ratchet.Search;

namespace Ratchet.Proposers.Builtin.Genome;

/// <summary>The improver genome: every setting of the built-in search, and nothing else (no budget, limit, sandbox or
/// policy can be expressed here). A plain, bounded record with a canonical TOML form and a content hash, so that a
/// later level can evolve it. The shipped default is version 0 (<c>examples/improvers/default.toml</c>).</summary>
public sealed record ImproverGenome
{
    /// <summary>The improver's version number: 0 for the shipped default, n+1 for a genome derived from version n (0 to 1,000,000).</summary>
    public int Version { get; init; }

    /// <summary>Mutations tried per proposal before settling for a child that is already known (default 24, 1 to 1000).</summary>
    public int Attempts { get; init; } = 24;

    public OperatorWeights Operators { get; init; } = new();

    public LiteralSettings Literal { get; init; } = new();

    public CmaSettings Cma { get; init; } = new();

    public LineSettings Lines { get; init; } = new();

    public CrossoverSettings Crossover { get; init; } = new();

    public BanditSettings Bandit { get; init; } = new();

    public SelectionOptions Selection { get; init; } = new();

    public ArchiveOptions Archive { get; init; } = new();

    public MigrationOptions Migration { get; init; } = new();

    /// <summary>The shipped genome, version 0.</summary>
    public static ImproverGenome Default { get; } = new();

    /// <summary>Canonical TOML: fixed table and key order, every key written, no comments. Parsing it gives this genome back.</summary>
    public string ToToml() => GenomeTomlWriter.Write(this, documented: false);

    /// <summary>The canonical TOML with a comment per key stating its meaning, default and bounds.</summary>
    public string ToDocumentedToml() => GenomeTomlWriter.Write(this, documented: true);

    /// <summary>Lowercase hex SHA-256 of <see cref="ToToml"/>: the genome's identity.</summary>
    public string Hash => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ToToml())));

    /// <summary>Every bound or consistency rule this genome breaks (empty when valid).</summary>
    public IReadOnlyList<GenomeError> Validate() => GenomeSchema.Validate(this, lines: null);

    /// <summary>Reads a genome from TOML text; missing keys take their defaults, everything else is checked and all
    /// problems are reported together.</summary>
    public static GenomeParseResult Parse(string toml, string source = "genome") => GenomeTomlReader.Read(toml, source);

    /// <summary>Reads a genome file (<c>--improver FILE</c>); a missing file is an error, never replaced by defaults.</summary>
    public static GenomeParseResult Load(string path)
    {
        if (!File.Exists(path))
        {
            return GenomeParseResult.Failed(path, new GenomeError(null, "", $"the improver genome file '{path}' does not exist; " +
                "give an existing TOML file (e.g. examples/improvers/default.toml) or leave --improver out to use the default"));
        }
        return Parse(File.ReadAllText(path), path);
    }
}
