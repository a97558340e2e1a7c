namespace Ratchet.Oversight;

/// <summary>How hard a static rule hits: <see cref="Flag"/> lets the candidate run but sends its promotion to the policy's
/// <c>[auditors] flag</c> action (a human by default); <see cref="Reject"/> stops it before it runs.</summary>
public enum RuleSeverity
{
    Flag,
    Reject,
}

/// <summary>One static rule, as data: what it is called, where it applies, which attack it defends against and how it matches.</summary>
/// <param name="Id">Stable id, <c>language.family.name</c> (e.g. <c>py.dynamic.eval</c>); the policy disables rules by it.</param>
/// <param name="Languages">The languages it applies to.</param>
/// <param name="Category">The REDTEAM.md category it defends against (see <see cref="RedTeamCategories"/>).</param>
/// <param name="Family">The capability family (e.g. "process", "network", "indirection"), for listings.</param>
/// <param name="Severity">Flag or reject.</param>
/// <param name="Description">What a match means, in words.</param>
/// <param name="Matcher">How it matches.</param>
public sealed record StaticRule(
    string Id,
    IReadOnlyList<SourceLanguage> Languages,
    string Category,
    string Family,
    RuleSeverity Severity,
    string Description,
    RuleMatcher Matcher);

/// <summary>How a rule matches a file's normalised token stream (see <c>docs/auditors.md</c> for the exact semantics).</summary>
public abstract record RuleMatcher
{
    /// <summary>The matcher as one line for <c>ratchet policy rules</c>.</summary>
    public abstract string Describe();
}

/// <summary>Token patterns (see <see cref="TokenPattern"/>): the rule matches where any of <paramref name="Patterns"/> matches,
/// except where one of <paramref name="Unless"/> matches at the same token.</summary>
public sealed record TokenRuleMatcher(IReadOnlyList<string> Patterns, IReadOnlyList<string>? Unless = null) : RuleMatcher
{
    // Compiled on first use: a run only ever matches the rules of its program's languages, and compiling the whole
    // catalogue took about 18 ms of every run's start. Tests compile every shipped rule (StaticRuleCatalogTests).
    private readonly Lazy<IReadOnlyList<TokenPattern>> _compiled = new(() => Patterns.Select(TokenPattern.Parse).ToArray());
    private readonly Lazy<IReadOnlyList<TokenPattern>> _compiledUnless = new(() => (Unless ?? []).Select(TokenPattern.Parse).ToArray());

    internal IReadOnlyList<TokenPattern> Compiled => _compiled.Value;

    internal IReadOnlyList<TokenPattern> CompiledUnless => _compiledUnless.Value;

    public override string Describe() =>
        "tokens `" + string.Join("` or `", Patterns) + "`" + (Unless is { Count: > 0 } ? " unless `" + string.Join("` or `", Unless) + "`" : "");
}

/// <summary>A .NET regular expression tested against each changed line's normalised text: its tokens joined by single
/// spaces, strings as their decoded content in double quotes, comments gone.</summary>
public sealed record LineRegexRuleMatcher(string Pattern) : RuleMatcher
{
    private readonly Lazy<System.Text.RegularExpressions.Regex> _compiled =
        new(() => new(Pattern, System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));

    internal System.Text.RegularExpressions.Regex Compiled => _compiled.Value;

    public override string Describe() => $"line regex /{Pattern}/";
}

/// <summary>A built-in procedure for what a pattern cannot say (arguments, whole-file facts); <paramref name="Semantics"/> says what it does.</summary>
public sealed record DetectorRuleMatcher(string Detector, string Semantics) : RuleMatcher
{
    public override string Describe() => $"detector {Detector}: {Semantics}";
}

/// <summary>One rule match in a candidate.</summary>
/// <param name="File">Task-relative path of the program file.</param>
/// <param name="Line">1-based line in the candidate.</param>
/// <param name="Excerpt">The line as written (trimmed, at most 120 characters).</param>
/// <param name="Detail">What matched, when the detector says more than the rule's description.</param>
public sealed record RuleFinding(StaticRule Rule, string File, int Line, string Excerpt, string? Detail = null)
{
    public override string ToString() =>
        $"{File}:{Line}: {Rule.Id} ({Rule.Category}, {(Rule.Severity == RuleSeverity.Reject ? "reject" : "flag")}): {Detail ?? Rule.Description} - `{Excerpt}`";
}
