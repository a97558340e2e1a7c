namespace Ratchet.Oversight;

/// <summary>Every static rule Ratchet ships, as data (one partial file per language). Ids are stable: the policy's
/// <c>[auditors] disabled_rules</c> and the ledger refer to them.</summary>
internal static partial class StaticRuleCatalog
{
    private static readonly SourceLanguage[] Py = [SourceLanguage.Python];
    private static readonly SourceLanguage[] Cs = [SourceLanguage.CSharp];
    private static readonly SourceLanguage[] Js = [SourceLanguage.JavaScript];
    private static readonly SourceLanguage[] C = [SourceLanguage.C];
    private static readonly SourceLanguage[] Sh = [SourceLanguage.Shell];
    private static readonly SourceLanguage[] Any = [.. SourceLanguages.All];

    private const RuleSeverity Reject = RuleSeverity.Reject;
    private const RuleSeverity Flag = RuleSeverity.Flag;

    private static readonly Lazy<IReadOnlyList<StaticRule>> AllRules = new(() =>
    {
        StaticRule[] rules = [.. Common(), .. Python(), .. CSharp(), .. JavaScript(), .. CFamily(), .. Shell()];
        var duplicate = rules.GroupBy(r => r.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"static rule id '{duplicate.Key}' is used twice");
        return rules;
    });

    private static readonly Lazy<IReadOnlyDictionary<string, StaticRule>> Index =
        new(() => AllRules.Value.ToDictionary(r => r.Id, StringComparer.Ordinal));

    /// <summary>All rules, grouped by language family in catalogue order.</summary>
    public static IReadOnlyList<StaticRule> All => AllRules.Value;

    public static IReadOnlyDictionary<string, StaticRule> ById => Index.Value;

    private static readonly Lazy<Dictionary<string, int>> Positions =
        new(() => AllRules.Value.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal));

    /// <summary>The rule's position in the catalogue.</summary>
    public static int Order(StaticRule rule) => Positions.Value.GetValueOrDefault(rule.Id, int.MaxValue);

    private static StaticRule T(string id, SourceLanguage[] languages, string category, string family, RuleSeverity severity,
        string description, params string[] patterns) =>
        new(id, languages, category, family, severity, description, new TokenRuleMatcher(patterns));

    private static StaticRule TU(string id, SourceLanguage[] languages, string category, string family, RuleSeverity severity,
        string description, string[] patterns, string[] unless) =>
        new(id, languages, category, family, severity, description, new TokenRuleMatcher(patterns, unless));

    private static StaticRule L(string id, SourceLanguage[] languages, string category, string family, RuleSeverity severity,
        string description, string regex) =>
        new(id, languages, category, family, severity, description, new LineRegexRuleMatcher(regex));

    private static StaticRule D(string id, SourceLanguage[] languages, string category, string family, RuleSeverity severity,
        string description, string detector, string semantics) =>
        new(id, languages, category, family, severity, description, new DetectorRuleMatcher(detector, semantics));
}
