using Ratchet.Evaluation;
using Ratchet.Oversight;

namespace Ratchet.Tests.Oversight.Tripwires;

public sealed class ProtectedTouchTripwireTests
{
    [Fact]
    public void Observe_WhenAProposalTouchedProtectedFiles_Fires()
    {
        var fire = new ProtectedTouchTripwire().Observe(new EventLog().Rejected("x", "grader-overwrite", touched: true, by: "task-rules"));

        Assert.NotNull(fire);
        Assert.Contains("touched protected files or the policy (rejected by task-rules, grader-overwrite)", fire.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Observe_WhenTheSandboxRefusedResults_Fires()
    {
        Assert.NotNull(new ProtectedTouchTripwire().Observe(new EventLog().Evaluated("x", refused: true)));
    }

    [Fact]
    public void Observe_WhenARunEndsInASandboxViolation_Fires()
    {
        Assert.NotNull(new ProtectedTouchTripwire().Observe(new EventLog().Evaluated("x", Outcome.SandboxViolation)));
    }

    [Theory]
    [InlineData(Outcome.Ok)]
    [InlineData(Outcome.Crashed)]
    [InlineData(Outcome.TimedOut)]
    public void Observe_WhenTheRunEndsOtherwise_DoesNotFire(Outcome outcome)
    {
        Assert.Null(new ProtectedTouchTripwire().Observe(new EventLog().Evaluated("x", outcome)));
    }

    [Fact]
    public void Observe_WhenSwitchedOff_NeverFires()
    {
        Assert.Null(new ProtectedTouchTripwire(enabled: false).Observe(new EventLog().Evaluated("x", Outcome.SandboxViolation)));
    }
}
