using Ratchet.Sandbox;

namespace Ratchet.Evaluation;

/// <summary>Turns how a sandbox ended into a typed outcome and a reason that says how Ratchet knows.</summary>
public static class PhaseVerdict
{
    /// <summary>The outcome of an untrusted run phase; null when it exited 0.</summary>
    public static (Outcome Outcome, string Reason)? OfRun(SandboxExecution execution, string phase = "run") => execution.Termination switch
    {
        Termination.Exited when execution.ExitCode == 0 => null,
        Termination.Exited => (Outcome.Crashed, $"{phase} exited with code {execution.ExitCode}{StderrHint(execution)}"),
        Termination.Signaled => (Outcome.Crashed, $"{phase} died from signal {execution.Signal}{StderrHint(execution)}"),
        Termination.WallTimeout => (Outcome.TimedOut, $"{phase} passed its wall-clock limit and was killed ({Detail(execution)})"),
        Termination.CpuLimit => (Outcome.TimedOut, $"{phase} passed its CPU limit and was killed ({Detail(execution)})"),
        Termination.OutOfMemory => (Outcome.OutOfMemory, $"{phase} ran out of memory ({Detail(execution)})"),
        Termination.OutputLimit => (Outcome.OutputLimit, $"{phase} passed the output limit ({Detail(execution)})"),
        Termination.ProcessLimit => (Outcome.SandboxViolation, $"{phase} hit the process limit ({Detail(execution)})"),
        Termination.SeccompKill => (Outcome.SandboxViolation, $"{phase} made a forbidden system call and was killed ({Detail(execution)})"),
        Termination.ResultsRefused => (Outcome.SandboxViolation, $"{phase} results refused: {Detail(execution)}"),
        _ => (Outcome.Crashed, $"{phase} ended by {execution.Termination}"),
    };

    /// <summary>The outcome of a trusted score phase that did not exit 0: its non-zero exit is a verdict on the metrics.</summary>
    public static (Outcome Outcome, string Reason)? OfScore(SandboxExecution execution)
    {
        if (execution.Termination == Termination.Exited && execution.ExitCode != 0)
            return (Outcome.InvalidMetrics, $"the scorer exited with code {execution.ExitCode}{StderrHint(execution)}");
        return OfRun(execution, "the scorer");
    }

    private static string Detail(SandboxExecution execution) => execution.Detail ?? execution.Termination.ToString();

    private static string StderrHint(SandboxExecution execution)
    {
        var tail = Tail(execution.Stderr, 300).Trim();
        return tail.Length == 0 ? "" : "; stderr ends: " + MetricsParser.Quote(tail);
    }

    /// <summary>The last <paramref name="maxChars"/> characters of captured output, decoded as UTF-8.</summary>
    public static string Tail(byte[] bytes, int maxChars)
    {
        var start = Math.Max(0, bytes.Length - maxChars * 2);
        var text = System.Text.Encoding.UTF8.GetString(bytes, start, bytes.Length - start);
        return text.Length > maxChars ? text[^maxChars..] : text;
    }
}
