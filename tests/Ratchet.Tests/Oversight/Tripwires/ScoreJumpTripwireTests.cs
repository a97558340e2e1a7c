using Ratchet.Oversight;

namespace Ratchet.Tests.Oversight.Tripwires;

public sealed class ScoreJumpTripwireTests
{
    [Theory]
    [InlineData(5.0, true)]
    [InlineData(4.999, false)]
    [InlineData(8.0, true)]
    [InlineData(0.5, false)]
    public void Observe_FiresAtTenTimesTheMedianPastGainAndNotBelow(double gain, bool fires)
    {
        var tripwire = new ScoreJumpTripwire(multiple: 10, relative: null, minHistory: 3);
        var log = new EventLog();
        foreach (var past in new[] { 0.25, 0.5, 1.0 })
            Feed(tripwire, log.Promoted("p" + past, past));

        var fire = tripwire.Observe(log.Proposed("c", gain));

        Assert.Equal(fires, fire is not null);
    }

    [Fact]
    public void Observe_ReasonCarriesTheNumbers()
    {
        var tripwire = new ScoreJumpTripwire(10, null, 3);
        var log = new EventLog();
        for (var i = 0; i < 3; i++)
            tripwire.Observe(log.Promoted($"p{i}", 0.02));

        var fire = tripwire.Observe(log.Proposed("c", 0.83));

        Assert.Equal("gain 0.83 is 41.5x the median past gain 0.02 (limit 10x)", fire!.Reason);
        Assert.Equal("score-jump", fire.Tripwire);
        Assert.Equal("c", fire.CandidateId);
    }

    [Fact]
    public void Observe_WhenFewerPastPromotionsThanTheMinimum_DoesNotApplyTheMedianRule()
    {
        var tripwire = new ScoreJumpTripwire(10, null, 3);
        var log = new EventLog();
        tripwire.Observe(log.Promoted("p1", 0.01));
        tripwire.Observe(log.Promoted("p2", 0.01));

        Assert.Null(tripwire.Observe(log.Proposed("c", 100)));
    }

    [Theory]
    [InlineData(0.5, true)]
    [InlineData(0.4999, false)]
    public void Observe_FiresAtTheRelativeGainLimitAndNotBelow(double relative, bool fires)
    {
        var tripwire = new ScoreJumpTripwire(null, 0.5, 3);

        var fire = tripwire.Observe(new EventLog().Proposed("c", 1, relative));

        Assert.Equal(fires, fire is not null);
    }

    private static void Feed(ITripwire tripwire, OversightEvent e) => Assert.Null(tripwire.Observe(e));
}
