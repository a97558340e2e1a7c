namespace Ratchet.Proposers.Builtin.Text;

/// <summary>The lexical rules of one language family: what is a comment, a string, a boolean and a swappable operator.</summary>
internal sealed record LanguageProfile
{
    public required LanguageFamily Family { get; init; }

    /// <summary>Prefixes that start a comment running to the end of the line.</summary>
    public IReadOnlyList<string> LineComments { get; init; } = ["//"];

    /// <summary><c>/* ... */</c> comments.</summary>
    public bool BlockComments { get; init; } = true;

    /// <summary>A <c>#</c> first on a line starts a directive (C preprocessor, C# <c>#if</c>).</summary>
    public bool HashDirectives { get; init; }

    /// <summary>Single quotes delimit a character literal closed on the same line, else they are punctuation (Rust lifetimes).</summary>
    public bool CharLiterals { get; init; }

    /// <summary>Backticks delimit strings (JS templates, Go raw strings).</summary>
    public bool BacktickStrings { get; init; }

    /// <summary><c>${ ... }</c> holes inside backtick strings (JS templates).</summary>
    public bool TemplateHoles { get; init; }

    /// <summary>JS regular-expression literals.</summary>
    public bool RegexLiterals { get; init; }

    /// <summary>C# verbatim, interpolated and raw string literals.</summary>
    public bool CSharpStrings { get; init; }

    /// <summary>Python string prefixes and triple-quoted strings.</summary>
    public bool PythonStrings { get; init; }

    /// <summary><c>$</c> may appear in identifiers (JS).</summary>
    public bool DollarInWords { get; init; }

    /// <summary>Pairs of boolean literals that flip into each other.</summary>
    public IReadOnlyList<(string A, string B)> Booleans { get; init; } = [("true", "false")];

    /// <summary>Groups of operators that may replace each other.</summary>
    public IReadOnlyList<IReadOnlyList<string>> OperatorGroups { get; init; } = CFamilyOperators;

    /// <summary>Groups of keyword operators that may replace each other (Python <c>and</c>/<c>or</c>).</summary>
    public IReadOnlyList<IReadOnlyList<string>> WordOperatorGroups { get; init; } = [];

    /// <summary>Number suffixes (lower case) that keep a literal mutable; other suffixes freeze it.</summary>
    public IReadOnlyList<string> NumberSuffixes { get; init; } = [];

    /// <summary>Number suffixes (lower case) that make a literal floating-point even without a dot.</summary>
    public IReadOnlyList<string> FloatSuffixes { get; init; } = [];

    private static readonly IReadOnlyList<IReadOnlyList<string>> Arithmetic =
    [
        ["<", "<=", ">", ">="],
        ["+", "-", "*", "/"],
        ["==", "!="],
        ["+=", "-=", "*=", "/="],
    ];

    private static readonly IReadOnlyList<IReadOnlyList<string>> CFamilyOperators = [.. Arithmetic, ["&&", "||"]];

    public static LanguageProfile Generic { get; } = new()
    {
        Family = LanguageFamily.Generic,
        LineComments = ["#", "//"],
        BlockComments = false,
        Booleans = [("true", "false"), ("True", "False")],
        OperatorGroups = Arithmetic,
    };

    public static LanguageProfile CSharp { get; } = new()
    {
        Family = LanguageFamily.CSharp,
        HashDirectives = true,
        CharLiterals = true,
        CSharpStrings = true,
        NumberSuffixes = ["f", "d", "m", "u", "l", "ul", "lu"],
        FloatSuffixes = ["f", "d", "m"],
    };

    public static LanguageProfile Python { get; } = new()
    {
        Family = LanguageFamily.Python,
        LineComments = ["#"],
        BlockComments = false,
        PythonStrings = true,
        Booleans = [("True", "False")],
        OperatorGroups = Arithmetic,
        WordOperatorGroups = [["and", "or"]],
    };

    public static LanguageProfile JavaScript { get; } = new()
    {
        Family = LanguageFamily.JavaScript,
        BacktickStrings = true,
        TemplateHoles = true,
        RegexLiterals = true,
        DollarInWords = true,
        OperatorGroups = [.. CFamilyOperators, ["===", "!=="]],
    };

    public static LanguageProfile CLike { get; } = new()
    {
        Family = LanguageFamily.CLike,
        HashDirectives = true,
        CharLiterals = true,
        NumberSuffixes = ["f", "l", "u", "ul", "lu", "ll", "ull", "llu"],
        FloatSuffixes = ["f"],
    };

    private static readonly LanguageProfile Go = CLike with { HashDirectives = false, BacktickStrings = true };

    /// <summary>The profile for a file, by extension; <see cref="Generic"/> for anything unknown.</summary>
    public static LanguageProfile ForPath(string path) =>
        Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".cs" or ".csx" => CSharp,
            ".py" or ".pyi" or ".pyw" => Python,
            ".js" or ".mjs" or ".cjs" or ".jsx" or ".ts" or ".tsx" or ".mts" or ".cts" => JavaScript,
            ".go" => Go,
            ".c" or ".h" or ".cc" or ".cpp" or ".cxx" or ".hpp" or ".hh" or ".hxx" or ".cu" or ".cuh"
                or ".java" or ".rs" or ".kt" or ".kts" or ".scala" or ".swift" or ".m" or ".mm" => CLike,
            _ => Generic,
        };
}
