using Ratchet.Oversight;

namespace Ratchet.Tests.Oversight.Tripwires;

public sealed class AccelerationTripwireTests
{
    // Gains 1, 2, 4 after 10 evaluations each: the rate per evaluation goes 0.1, 0.2, 0.4 over 20 evaluations,
    // so it doubles every 20 * ln 2 / ln 4 = 10 evaluations.
    [Theory]
    [InlineData(10.0, true)]
    [InlineData(11.0, true)]
    [InlineData(9.99, false)]
    public void Observe_FiresWhenTheDoublingTimeIsAtMostTheLimit(double limit, bool fires)
    {
        var tripwire = new AccelerationTripwire(window: 3, doublingEvaluations: limit);
        var log = new EventLog();
        Promote(tripwire, log, "a", 1, 10);
        Promote(tripwire, log, "b", 2, 20);

        var fire = tripwire.Observe(log.Proposed("c", 4, evaluations: 30));

        Assert.Equal(fires, fire is not null);
        if (fire is not null)
            Assert.Equal("gain per evaluation rose at each of the last 3 promotions, from 0.1 to 0.4 over 20 evaluations; it doubles every 10 evaluations (limit " + PolicyFormat.Number(limit) + ")", fire.Reason);
    }

    [Fact]
    public void Observe_WhenTheRateDoesNotRiseAtEveryPromotion_DoesNotFire()
    {
        var tripwire = new AccelerationTripwire(3, 1000);
        var log = new EventLog();
        Promote(tripwire, log, "a", 1, 10);
        Promote(tripwire, log, "b", 0.5, 20);

        Assert.Null(tripwire.Observe(log.Proposed("c", 4, evaluations: 30)));
    }

    [Fact]
    public void Observe_WhenTheWindowIsNotFull_DoesNotFire()
    {
        var tripwire = new AccelerationTripwire(4, 1000);
        var log = new EventLog();
        Promote(tripwire, log, "a", 1, 10);
        Promote(tripwire, log, "b", 2, 20);

        Assert.Null(tripwire.Observe(log.Proposed("c", 4, evaluations: 30)));
    }

    private static void Promote(ITripwire tripwire, EventLog log, string id, double gain, long evaluations)
    {
        tripwire.Observe(log.Proposed(id, gain, evaluations: evaluations));
        tripwire.Observe(log.Promoted(id, gain));
    }
}
