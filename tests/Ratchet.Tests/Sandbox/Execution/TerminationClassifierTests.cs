using Ratchet.Sandbox;
using Ratchet.Sandbox.Cgroups;
using Ratchet.Sandbox.Execution;

namespace Ratchet.Tests.Sandbox.Execution;

public sealed class TerminationClassifierTests
{
    private static readonly SandboxLimits Limits = new(WallSeconds: 2, CpuSeconds: 1, MemoryMb: 64, Processes: 8, OutputBytes: 1000);
    private static readonly CapturedOutput Quiet = new([], false);

    private static Verdict Classify(
        int? status = 0, KillReason? killed = null, CgroupUsage? usage = null, string? refusal = null,
        bool full = false, bool started = true, bool stdoutOverflow = false) =>
        TerminationClassifier.Classify(new RunFacts(
            new RunObservation(status ?? 137, killed, stdoutOverflow ? new CapturedOutput([], true) : Quiet, Quiet, 0.5, usage, true),
            Limits, status, started, refusal, full));

    [Fact]
    public void Classify_WhenTheCommandExitsByItself_ReportsExitedWithItsCode()
    {
        var verdict = Classify(status: 3);

        Assert.Equal(new Verdict(Termination.Exited, 3, null, null), verdict);
    }

    [Fact]
    public void Classify_WhenEveryDetectorFires_CancelledWins() =>
        Assert.Equal(Termination.Cancelled, Classify(status: 159, killed: KillReason.Cancelled, usage: new(9, 0, 1, 1), refusal: "r", full: true).Termination);

    [Fact]
    public void Classify_WhenSigsysAndOtherBreaches_SeccompKillWins()
    {
        var verdict = Classify(status: 159, usage: new CgroupUsage(9, 0, 1, 1), refusal: "results: out/x is a symbolic link");

        Assert.Equal(Termination.SeccompKill, verdict.Termination);
        Assert.Equal(31, verdict.Signal);
        Assert.Contains("SIGSYS", verdict.Detail);
    }

    [Fact]
    public void Classify_WhenResultsAreRefusedAndForksWereRefused_ResultsRefusedWins() =>
        Assert.Equal("results: out/x is a symbolic link",
            Classify(refusal: "results: out/x is a symbolic link", usage: new CgroupUsage(0, 0, 1, 1)).Detail);

    [Theory]
    [InlineData("results: out/big is 11 bytes, over the cap of 10")]
    [InlineData("results: out/ holds more than 10 bytes (the cap) at out/b")]
    public void Classify_WhenResultsAreRefusedOnlyForSize_ReportsOutputLimit(string refusal)
    {
        var verdict = Classify(refusal: refusal);

        Assert.Equal(Termination.OutputLimit, verdict.Termination);
        Assert.StartsWith(refusal, verdict.Detail);
    }

    [Fact]
    public void Classify_WhenForksWereRefusedAndOomHappened_ProcessLimitWins()
    {
        var verdict = Classify(killed: KillReason.ProcessLimit, usage: new CgroupUsage(0, 0, 1, 5), status: null);

        Assert.Equal(Termination.ProcessLimit, verdict.Termination);
        Assert.Contains("refused 5 fork(s)", verdict.Detail);
        Assert.Null(verdict.ExitCode);
        Assert.Equal(9, verdict.Signal);
    }

    [Fact]
    public void Classify_WhenTheMemoryCgroupKilled_ReportsOutOfMemoryWithTheCounter()
    {
        var verdict = Classify(status: 137, usage: new CgroupUsage(0, 0, 1, 0), stdoutOverflow: true);

        Assert.Equal(Termination.OutOfMemory, verdict.Termination);
        Assert.Equal("memory cgroup oom_kill=1 (limit 64 MiB)", verdict.Detail);
    }

    [Theory]
    [InlineData(true, false, null, "stdout passed the cap of 1000 bytes")]
    [InlineData(false, false, 153, "SIGXFSZ")]
    [InlineData(false, true, 1, "results tmpfs is full")]
    public void Classify_WhenOutputPassedACap_ReportsOutputLimitWithTheDetector(bool overflow, bool full, int? status, string detail)
    {
        var verdict = Classify(status: status, killed: overflow ? KillReason.OutputLimit : null, full: full,
            stdoutOverflow: overflow, usage: new CgroupUsage(5, 0, 0, 0));

        Assert.Equal(Termination.OutputLimit, verdict.Termination);
        Assert.Contains(detail, verdict.Detail);
    }

    [Theory]
    [InlineData(true, null, 1.2, "Ratchet killed the tree")]
    [InlineData(false, 152, 0.0, "SIGXCPU")]
    [InlineData(false, 0, 1.3, "over the limit")]
    public void Classify_WhenCpuPassedTheLimit_ReportsCpuLimitBeforeWallTimeout(bool killed, int? status, double cpu, string detail)
    {
        var verdict = Classify(status: status, killed: killed ? KillReason.CpuLimit : null, usage: new CgroupUsage(cpu, 0, 0, 0));

        Assert.Equal(Termination.CpuLimit, verdict.Termination);
        Assert.Contains(detail, verdict.Detail);
    }

    [Fact]
    public void Classify_WhenRatchetsClockRanOut_ReportsWallTimeout()
    {
        var verdict = Classify(status: null, killed: KillReason.WallTimeout, usage: new CgroupUsage(0.1, 0, 0, 0));

        Assert.Equal(Termination.WallTimeout, verdict.Termination);
        Assert.Contains("limit of 2 s", verdict.Detail);
    }

    [Fact]
    public void Classify_WhenTheCommandDiedFromASignalRatchetDidNotSend_ReportsSignaled()
    {
        var verdict = Classify(status: 128 + 11);

        Assert.Equal(new Verdict(Termination.Signaled, 139, 11, "exit status 139 = 128+11: the command died from signal 11"), verdict);
    }

    [Fact]
    public void Classify_WhenBwrapNeverStartedTheCommand_SaysSo() =>
        Assert.Contains("did not start the command", Classify(status: 1, started: false).Detail);
}
