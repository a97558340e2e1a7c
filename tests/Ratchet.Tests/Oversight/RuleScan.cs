using Ratchet.Oversight;
using Ratchet.Tasks;

namespace Ratchet.Tests.Oversight;

/// <summary>Test helper: runs the static rules over a candidate file as an added or changed file.</summary>
internal static class RuleScan
{
    private static readonly StaticRulesAuditor Auditor = new();

    /// <summary>Findings when every line of <paramref name="code"/> is new.</summary>
    public static IReadOnlyList<RuleFinding> New(string code, string path = "main.py", TaskSpec? task = null) =>
        Auditor.ScanFile(path, null, code, task);

    /// <summary>Findings for <paramref name="candidate"/> changed from <paramref name="parent"/>.</summary>
    public static IReadOnlyList<RuleFinding> Changed(string parent, string candidate, string path = "main.py", TaskSpec? task = null) =>
        Auditor.ScanFile(path, parent, candidate, task);

    public static IEnumerable<string> Ids(this IEnumerable<RuleFinding> findings) => findings.Select(f => f.Rule.Id).Distinct();

    public static bool Rejects(this IEnumerable<RuleFinding> findings) => findings.Any(f => f.Rule.Severity == RuleSeverity.Reject);

    public static string Describe(this IEnumerable<RuleFinding> findings) => string.Join("\n", findings.Select(f => f.ToString()));

    public static TaskSpec Task(string root = "/tasks/demo") => new()
    {
        Name = "demo",
        Root = root,
        Program = new ProgramSpec(["main.py"]),
        Run = new PhaseSpec(["python3", "main.py"], ["cases.json"], []),
        Score = new PhaseSpec(["python3", "score.py", "--strict"], ["expected.json", "score.py"], []),
        Holdout = new HoldoutSpec(
            new Dictionary<string, string> { ["cases.json"] = "sealed/holdout_cases.json" },
            new Dictionary<string, string> { ["expected.json"] = "sealed/holdout_expected.json" }),
        Objective = new ObjectiveSpec("score", Direction.Maximize),
    };
}
