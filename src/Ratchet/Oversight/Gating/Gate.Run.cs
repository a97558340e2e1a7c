namespace Ratchet.Oversight;

public sealed partial class Gate
{
    /// <summary>Why the run must stop under the policy's compute caps, or null while it may go on.</summary>
    public string? StopReason(RunUsage usage)
    {
        var s = Policy.Slowdown;
        if (s.MaxEvaluations is { } evaluations && usage.Evaluations >= evaluations)
            return $"the run made {usage.Evaluations} evaluations; the policy allows {evaluations} ([slowdown] max_evaluations)";
        if (s.MaxCpuSeconds is { } cpu && usage.CpuSeconds >= cpu)
            return $"the candidates used {PolicyFormat.Number(usage.CpuSeconds)} CPU seconds; the policy allows {PolicyFormat.Number(cpu)} ([slowdown] max_cpu_seconds)";
        if (s.MaxWallSeconds is { } wall && usage.WallSeconds >= wall)
            return $"the run took {PolicyFormat.Number(usage.WallSeconds)} seconds; the policy allows {PolicyFormat.Number(wall)} ([slowdown] max_wall_seconds)";
        return null;
    }

    /// <summary>When an approval request made at <paramref name="requestedAt"/> times out (and is rejected), or null when it never does.</summary>
    public DateTimeOffset? ApprovalDeadline(DateTimeOffset requestedAt) =>
        Policy.Approval.ApprovalTimeoutSeconds is { } seconds ? requestedAt + TimeSpan.FromSeconds(seconds) : null;

    /// <summary>The reason recorded when a request times out.</summary>
    public string TimedOutReason(DateTimeOffset requestedAt) =>
        $"no human answered the approval request of {requestedAt:O} within {PolicyFormat.Number(Policy.Approval.ApprovalTimeoutSeconds ?? 0)} seconds ([approval] approval_timeout); rejected";

    /// <summary>Whether a run waiting for a human may make another evaluation, having made <paramref name="evaluationsWhileWaiting"/>
    /// since the request. A wait caused by a fired tripwire pauses the run outright.</summary>
    public bool MayEvaluateWhileWaiting(long evaluationsWhileWaiting, bool tripwireFired) =>
        !tripwireFired && evaluationsWhileWaiting < Policy.Approval.MaxEvaluationsWhileWaiting;
}
