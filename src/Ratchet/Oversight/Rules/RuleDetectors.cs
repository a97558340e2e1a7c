using Ratchet.Tasks;

namespace Ratchet.Oversight;

/// <summary>What a detector may know besides the file: the task (for its protected file names).</summary>
internal sealed record RuleContext(TaskSpec? Task);

/// <summary>A rule matcher written as code, for what a token pattern cannot say (argument shapes, whole-file facts).</summary>
internal interface IRuleDetector
{
    IEnumerable<(Token At, string? Detail)> Find(SourceFile file, RuleContext context);
}

/// <summary>The detectors by the names the catalog uses.</summary>
internal static class RuleDetectors
{
    private static readonly Dictionary<string, IRuleDetector> ByName = new(StringComparer.Ordinal)
    {
        ["module-patch"] = new ModuleAssignmentDetector(constant: false),
        ["module-setting"] = new ModuleAssignmentDetector(constant: true),
        ["computed-attribute"] = new ComputedAttributeDetector(),
        ["shell-environment"] = new ShellEnvironmentDetector(),
        ["computed-command"] = new ComputedCommandDetector(),
        ["scorer-files"] = new ProtectedNameDetector(sealedFiles: false),
        ["sealed-files"] = new ProtectedNameDetector(sealedFiles: true),
    };

    public static IRuleDetector Get(string name) =>
        ByName.TryGetValue(name, out var detector) ? detector : throw new InvalidOperationException($"no detector named '{name}'");

    public static IReadOnlyCollection<string> Names => ByName.Keys;
}
