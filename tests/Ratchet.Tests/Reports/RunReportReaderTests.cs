using Ratchet.Evaluation;
using Ratchet.Reports;

namespace Ratchet.Tests.Reports;

public sealed class RunReportReaderTests
{
    [Fact]
    public void Read_OfAPopulatedStore_HasEveryCandidateInOrderWithScoresOnlyWhenOk()
    {
        using var fixture = ReportFixture.Standard();
        var report = RunReportReader.Read(fixture.Store, "ignored");
        Assert.Equal([0L, 1, 2, 3, 4, 5], report.Points.Select(p => p.Seq));
        Assert.Equal([1.0, 1.5, 1.4, null, 2.25, null], report.Points.Select(p => p.Score));
        Assert.Equal(["ok", "ok", "ok", "crashed", "ok", "rejected"], report.Points.Select(p => p.Outcome));
        Assert.Equal([10.0, 20, 30, 40, 50, 60], report.Points.Select(p => p.Seconds));
    }

    [Fact]
    public void Read_OfAPopulatedStore_SummarisesTheRunAndItsBest()
    {
        using var fixture = ReportFixture.Standard();
        var s = RunReportReader.Read(fixture.Store, "ignored").Summary;
        Assert.Equal(("demo-task", "finished", 6L), (s.Task, s.State, s.Evaluations));
        Assert.Equal(("eeee4444", 2.25), (s.BestId, s.BestScore));
        Assert.Equal(("score", true), (s.Metric, s.Maximize));
        Assert.Equal(("bwrap", false), (s.SandboxMode, s.Unsafe));
        Assert.Equal(["cgroup v1 <fallback>"], s.SandboxWarnings);
        Assert.Equal(fixture.Store.LedgerCount(), s.LedgerEvents);
    }

    [Fact]
    public void Read_FollowsParentsFromTheRootToTheChampion_WithOperatorsAndGains()
    {
        using var fixture = ReportFixture.Standard();
        var lineage = RunReportReader.Read(fixture.Store, "x").Lineage;
        Assert.Equal(["aaaa0000", "bbbb1111", "eeee4444"], lineage.Select(l => l.Id));
        Assert.Equal(["initial", "mutate-number", ReportFixture.HostileOperator], lineage.Select(l => l.Operator));
        Assert.Equal([null, 0.5, 0.75], lineage.Select(l => l.Gain));
        Assert.All(lineage, l => Assert.True(l.Promoted));
    }

    [Fact]
    public void Read_WhenMinimizing_SignsGainsSoThatLowerIsPositive()
    {
        using var fixture = new ReportFixture(direction: "minimize")
            .Candidate("aaaa0000", 0, null, "initial", Outcome.Ok, 10, promote: true)
            .Candidate("bbbb1111", 1, "aaaa0000", "mutate-number", Outcome.Ok, 7, promote: true);
        var report = RunReportReader.Read(fixture.Store, "x");
        Assert.False(report.Summary.Maximize);
        Assert.Equal(3.0, report.Lineage[^1].Gain);
    }

    [Fact]
    public void Read_TakesTheObjectiveFromTheFirstRunStartedEvent()
    {
        using var fixture = new ReportFixture(direction: "minimize")
            .Event("run-started", new { objective = new { metric = "later", direction = "maximize" } });
        var summary = RunReportReader.Read(fixture.Store, "x").Summary;
        Assert.Equal(("score", (bool?)false), (summary.Metric, summary.Maximize));
    }

    [Fact]
    public void Read_CountsEveryLedgerTypeAndLooksInsideAuditsAndTripwires()
    {
        using var fixture = ReportFixture.Standard();
        var oversight = RunReportReader.Read(fixture.Store, "x").Oversight;
        Assert.Equal(5, oversight.Count("audit"));
        Assert.Equal(3, oversight.Count("tripwire"));
        Assert.Equal((2L, 1L, 1L), (oversight.Count("approval-requested"), oversight.Count("approved"), oversight.Count("rejected-by-human")));
        Assert.Equal(3, oversight.Count("promotion"));
        Assert.Equal(0, oversight.Count("no-such-type"));
        Assert.Equal(2, oversight.Audits["static-rules"]["pass"]);
        Assert.Equal(1, oversight.Audits["static-rules"]["reject"]);
        Assert.Equal(1, oversight.Audits["holdout-agreement"]["flag"]);
        Assert.Equal(1, oversight.Audits["(unknown)"]["pass"]);
        Assert.Equal(2, oversight.Tripwires["score-jump"]);
        Assert.Equal(1, oversight.Tripwires["<b>violations</b>"]);
    }

    [Fact]
    public void ReadOversight_GivesTheSameCountsAsTheFullReport()
    {
        using var fixture = ReportFixture.Standard();
        var alone = RunReportReader.ReadOversight(fixture.Store);
        var full = RunReportReader.Read(fixture.Store, "x").Oversight;
        Assert.Equal(full.EventTypes, alone.EventTypes);
        Assert.Equal(full.Tripwires, alone.Tripwires);
        Assert.Equal(full.Audits.Keys, alone.Audits.Keys);
    }

    [Fact]
    public void Read_OfARunWithNoOkCandidate_HasNoBestAndNoLineage()
    {
        using var fixture = new ReportFixture()
            .Candidate("aaaa0000", 0, null, "initial", Outcome.Crashed, null)
            .Candidate("bbbb1111", 1, "aaaa0000", "mutate-number", Outcome.TimedOut, null);
        var report = RunReportReader.Read(fixture.Store, "x");
        Assert.Null(report.Summary.BestId);
        Assert.Empty(report.Lineage);
        Assert.Empty(report.Champions);
        Assert.Equal(new Dictionary<string, long> { ["crashed"] = 1, ["timed-out"] = 1 }, report.Outcomes);
    }

    [Fact]
    public void Read_WhenCandidatesRanWithoutASandbox_MarksTheRunUnsafe()
    {
        using var fixture = new ReportFixture(sandboxMode: "none", unsafeNoSandbox: true);
        Assert.True(RunReportReader.Read(fixture.Store, "x").Summary.Unsafe);
    }
}
