using Ratchet.Oversight;

namespace Ratchet.Tests.Oversight.Tripwires;

public sealed class BudgetBurnTripwireTests
{
    [Theory]
    [InlineData(50.0, true)]
    [InlineData(49.9, false)]
    public void Observe_FiresWhenTheLastMinuteReachesTheLimit(double second, bool fires)
    {
        var tripwire = new BudgetBurnTripwire(100);
        var log = new EventLog();
        Assert.Null(tripwire.Observe(log.At(0).Evaluated("a", cpu: 50)));

        var fire = tripwire.Observe(log.At(59).Evaluated("b", cpu: second));

        Assert.Equal(fires, fire is not null);
    }

    [Fact]
    public void Observe_WhenTheEarlierUseIsAMinuteOld_DoesNotCountIt()
    {
        var tripwire = new BudgetBurnTripwire(100);
        var log = new EventLog();
        tripwire.Observe(log.At(0).Evaluated("a", cpu: 60));

        Assert.Null(tripwire.Observe(log.At(60).Evaluated("b", cpu: 60)));
    }

    [Fact]
    public void Observe_ReasonCarriesTheNumbers()
    {
        var tripwire = new BudgetBurnTripwire(100);
        var log = new EventLog();
        tripwire.Observe(log.At(0).Evaluated("a", cpu: 70));

        var fire = tripwire.Observe(log.At(10).Evaluated("b", cpu: 55));

        Assert.Equal("candidates used 125 CPU seconds in the last 60 seconds over 2 evaluations (limit 100 per minute)", fire!.Reason);
    }
}
