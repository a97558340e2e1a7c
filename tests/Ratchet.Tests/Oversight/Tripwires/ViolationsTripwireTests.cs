using Ratchet.Evaluation;
using Ratchet.Oversight;

namespace Ratchet.Tests.Oversight.Tripwires;

public sealed class ViolationsTripwireTests
{
    [Theory]
    [InlineData(2, false)]
    [InlineData(3, true)]
    public void Observe_FiresWhenTheWindowHoldsTheLimitOfViolations(int violations, bool fires)
    {
        var tripwire = new ViolationsTripwire(count: 3, window: 10);
        var log = new EventLog();
        TripwireFire? last = null;
        for (var i = 0; i < violations; i++)
        {
            tripwire.Observe(log.Evaluated($"ok{i}"));
            last = tripwire.Observe(log.Evaluated($"bad{i}", Outcome.SandboxViolation, lineage: $"L{i}"));
        }

        Assert.Equal(fires, last is not null);
    }

    [Fact]
    public void Observe_WhenViolationsLeaveTheWindow_DoesNotCountThem()
    {
        var tripwire = new ViolationsTripwire(3, 3);
        var log = new EventLog();
        var fires = new List<TripwireFire?>
        {
            tripwire.Observe(log.Rejected("a", RedTeamCategories.Network, lineage: "A")),
            tripwire.Observe(log.Rejected("b", RedTeamCategories.Network, lineage: "B")),
            tripwire.Observe(log.Evaluated("c", lineage: "C")),
            tripwire.Observe(log.Evaluated("d", lineage: "D")),
            tripwire.Observe(log.Rejected("e", RedTeamCategories.Network, lineage: "E")),
        };

        Assert.All(fires, Assert.Null);
    }

    [Fact]
    public void Observe_WhenOneLineageReachesTheLimitAcrossWindows_FiresNamingTheLineage()
    {
        var tripwire = new ViolationsTripwire(3, 2);
        var log = new EventLog();
        TripwireFire? fire = null;
        for (var i = 0; i < 3; i++)
        {
            tripwire.Observe(log.Evaluated($"ok{i}a", lineage: "other"));
            tripwire.Observe(log.Evaluated($"ok{i}b", lineage: "other"));
            fire = tripwire.Observe(log.Evaluated($"x{i}", Outcome.SandboxViolation, lineage: "L7"));
        }

        Assert.NotNull(fire);
        Assert.StartsWith("lineage L7 reached 3 violations (limit 3)", fire.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Observe_WhenOneCandidateHasSeveralViolationEvents_CountsItOnce()
    {
        var tripwire = new ViolationsTripwire(2, 10);
        var log = new EventLog();

        Assert.Null(tripwire.Observe(log.Evaluated("x", Outcome.SandboxViolation)));
        Assert.Null(tripwire.Observe(log.Rejected("x", RedTeamCategories.Network)));
        Assert.Null(tripwire.Observe(log.Evaluated("x", refused: true)));
    }

    [Fact]
    public void Observe_WhenARejectionHasNoAttackCategory_DoesNotCountIt()
    {
        var tripwire = new ViolationsTripwire(1, 10);

        Assert.Null(tripwire.Observe(new EventLog().Rejected("x", category: null)));
    }
}
