namespace Ratchet.Oversight;

/// <summary>Rejects proposals that change too many lines at once, or programs that grow past a size cap
/// (<c>[auditors] max_diff_lines</c>, <c>max_program_bytes</c>). Large rewrites are where hidden changes go unread.</summary>
public sealed class SizeAuditor(int maxDiffLines, long maxProgramBytes) : IStaticAuditor
{
    public const string AuditorName = "size";

    public string Name => AuditorName;

    public int MaxDiffLines { get; } = maxDiffLines > 0 ? maxDiffLines : throw new ArgumentOutOfRangeException(nameof(maxDiffLines));

    public long MaxProgramBytes { get; } = maxProgramBytes > 0 ? maxProgramBytes : throw new ArgumentOutOfRangeException(nameof(maxProgramBytes));

    public static SizeAuditor FromPolicy(Policy policy) => new(policy.Auditors.MaxDiffLines, policy.Auditors.MaxProgramBytes);

    public AuditVerdict Audit(StaticAuditInput input)
    {
        var changed = input.Candidate.Files.Sum(f => LineDiff.Compute(input.Parent.Files.GetValueOrDefault(f.Key), f.Value).ChangedLines)
            + input.Parent.Files.Where(f => !input.Candidate.Files.ContainsKey(f.Key)).Sum(f => LineDiff.SplitLines(f.Value).Length);
        var bytes = input.Candidate.Length;
        var reasons = new List<string>();
        if (changed > MaxDiffLines)
            reasons.Add($"the proposal changes {changed} lines (added plus removed); the policy allows at most {MaxDiffLines} ([auditors] max_diff_lines)");
        if (bytes > MaxProgramBytes)
            reasons.Add($"the program would hold {bytes} bytes; the policy allows at most {MaxProgramBytes} ([auditors] max_program_bytes)");
        return reasons.Count == 0
            ? new AuditVerdict(AuditorName, Verdict.Pass, [$"{changed} changed lines, {bytes} bytes"])
            : new AuditVerdict(AuditorName, Verdict.Reject, reasons);
    }
}
