using Ratchet.Common;
using Ratchet.Tasks;

namespace Ratchet.Oversight;

/// <summary>Judges a proposal's added or changed code against the static rules (<see cref="Rules"/>), before it costs a
/// sandbox run. Only what the candidate added or changed relative to its parent is judged, but names are resolved with
/// the whole candidate file, so an alias bound in old code and used in new code is still seen through.</summary>
public sealed partial class StaticRulesAuditor : IStaticAuditor
{
    /// <summary>The auditor's stable name in verdicts and the ledger.</summary>
    public const string AuditorName = "static-rules";

    private const int MaxReasons = 20;

    /// <param name="disabledRules">Rule ids to switch off (the policy's <c>[auditors] disabled_rules</c>).</param>
    /// <exception cref="ArgumentException">An id names no rule.</exception>
    public StaticRulesAuditor(IEnumerable<string>? disabledRules = null)
        : this(disabledRules, enabled: true)
    {
    }

    private StaticRulesAuditor(IEnumerable<string>? disabledRules, bool enabled)
    {
        var disabled = (disabledRules ?? []).ToHashSet(StringComparer.Ordinal);
        var unknown = disabled.FirstOrDefault(id => !StaticRuleCatalog.ById.ContainsKey(id));
        if (unknown is not null)
            throw new ArgumentException($"unknown static rule '{unknown}'; did you mean '{NearestName.Closest(unknown, StaticRuleCatalog.ById.Keys)}'?", nameof(disabledRules));
        Enabled = enabled;
        ActiveRules = enabled ? Rules.Where(r => !disabled.Contains(r.Id)).ToArray() : [];
    }

    /// <summary>Every shipped rule (for <c>ratchet policy rules</c>), whether or not it is active here.</summary>
    public static IReadOnlyList<StaticRule> Rules => StaticRuleCatalog.All;

    /// <summary>The rules this instance applies.</summary>
    public IReadOnlyList<StaticRule> ActiveRules { get; }

    /// <summary>False when the policy switched the static rules off (<c>[auditors] static_rules = false</c>).</summary>
    public bool Enabled { get; }

    public string Name => AuditorName;

    /// <summary>The auditor the policy asks for: its disabled rules off, or no rules at all when <c>static_rules = false</c>.</summary>
    public static StaticRulesAuditor FromPolicy(Policy policy) =>
        new(policy.Auditors.DisabledRules, policy.Auditors.StaticRules);

    public AuditVerdict Audit(StaticAuditInput input)
    {
        if (!Enabled)
            return new AuditVerdict(AuditorName, Verdict.Pass, ["static rules are switched off by the policy ([auditors] static_rules = false)"]);
        return ToVerdict(Scan(input));
    }

    /// <summary>Every rule match in the proposal's added or changed lines, by file and line.</summary>
    public IReadOnlyList<RuleFinding> Scan(StaticAuditInput input)
    {
        var findings = new List<RuleFinding>();
        foreach (var (path, text) in input.Candidate.Files)
        {
            var parent = input.Parent.Files.GetValueOrDefault(path);
            if (parent == text)
                continue;
            findings.AddRange(ScanFile(path, parent, text, input.Task));
        }
        return findings;
    }

    /// <summary>Rule matches in one file's added or changed lines; a null <paramref name="parentText"/> judges every line.</summary>
    public IReadOnlyList<RuleFinding> ScanFile(string path, string? parentText, string candidateText, TaskSpec? task = null)
    {
        if (!Enabled)
            return [];
        var file = SourceFile.Analyse(path, parentText, candidateText);
        if (file.Changed.Count == 0)
            return [];
        var context = new RuleContext(task);
        var findings = new List<RuleFinding>();
        var seen = new HashSet<(string, int)>();
        foreach (var rule in ActiveRules.Where(r => r.Languages.Contains(file.Language)))
        {
            foreach (var (line, detail) in Matches(rule, file, context))
            {
                if (seen.Add((rule.Id, line)))
                    findings.Add(new RuleFinding(rule, path, line, file.Excerpt(line), detail));
            }
        }
        // Within a line, rejections first, then catalogue order (specific rules precede the general ones they overlap).
        return findings.OrderBy(f => f.Line).ThenBy(f => f.Rule.Severity == RuleSeverity.Reject ? 0 : 1).ThenBy(f => StaticRuleCatalog.Order(f.Rule)).ToArray();
    }

    /// <summary>The verdict for a set of findings: reject when any rejects, flag when any flags, else pass.</summary>
    public static AuditVerdict ToVerdict(IReadOnlyList<RuleFinding> findings)
    {
        if (findings.Count == 0)
            return AuditVerdict.Passed(AuditorName);
        var rejects = findings.Where(f => f.Rule.Severity == RuleSeverity.Reject).ToArray();
        var first = rejects.Length > 0 ? rejects[0] : findings[0];
        var ordered = rejects.Concat(findings.Where(f => f.Rule.Severity == RuleSeverity.Flag)).ToArray();
        var reasons = ordered.Take(MaxReasons).Select(f => f.ToString()).ToList();
        if (ordered.Length > MaxReasons)
            reasons.Add($"... and {ordered.Length - MaxReasons} more findings");
        return new AuditVerdict(AuditorName, rejects.Length > 0 ? Verdict.Reject : Verdict.Flag, reasons, first.Rule.Category);
    }
}
