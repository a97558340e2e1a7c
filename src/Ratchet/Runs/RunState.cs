namespace Ratchet.Runs;

/// <summary>Where a run stands. <c>interrupted</c> is never stored: it is what <c>running</c> reads as when no process holds the run's lock.</summary>
public enum RunState
{
    Running,
    Paused,
    WaitingApproval,
    Stopped,
    Finished,
    Interrupted,
}

/// <summary>Wire names of <see cref="RunState"/>.</summary>
public static class RunStateNames
{
    private static readonly string[] Names = ["running", "paused", "waiting-approval", "stopped", "finished", "interrupted"];

    public static string ToWire(this RunState state) => Names[(int)state];

    public static RunState Parse(string text)
    {
        var index = Array.IndexOf(Names, text);
        return index >= 0 ? (RunState)index : throw new FormatException($"unknown run state '{text}'");
    }
}
