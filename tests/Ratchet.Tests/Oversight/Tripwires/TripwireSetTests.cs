using Ratchet.Evaluation;
using Ratchet.Oversight;

namespace Ratchet.Tests.Oversight.Tripwires;

public sealed class TripwireSetTests
{
    [Fact]
    public void Rebuild_ThenLive_FiresExactlyAsAnUninterruptedRun()
    {
        var events = Run().Events;
        var policy = Presets.Get("delegate");

        for (var cut = 0; cut <= events.Count; cut++)
        {
            var uninterrupted = TripwireSet.FromPolicy(policy).Replay(events).Where(x => x.Event.Seq > cut).Select(Describe).ToArray();
            var resumed = TripwireSet.Rebuild(policy, events.Take(cut));
            var live = events.Skip(cut).SelectMany(e => resumed.Observe(e).Select(f => Describe((e, f)))).ToArray();

            Assert.Equal(uninterrupted, live);
        }
    }

    [Fact]
    public void Replay_OfARunWithTroubles_FiresEveryKind()
    {
        var fired = TripwireSet.FromPolicy(Presets.Get("delegate")).Replay(Run().Events).Select(x => x.Fire.Tripwire).ToHashSet();

        Assert.Equal(["acceleration", "budget-burn", "protected-touch", "score-jump", "violations"], fired.Order());
    }

    [Fact]
    public void Observe_WhenAnEventWasAlreadySeen_IgnoresIt()
    {
        var set = TripwireSet.FromPolicy(Presets.Get("delegate"));
        var e = new EventLog().Evaluated("x", Outcome.SandboxViolation);

        Assert.NotEmpty(set.Observe(e));
        Assert.Empty(set.Observe(e));
        Assert.Equal(e.At, set.LastFireAt);
    }

    [Fact]
    public void FromPolicy_LeavesOutTripwiresThePolicySwitchesOff()
    {
        var policy = PolicyLoader.Parse("""
            [tripwires]
            score_jump_multiple = false
            score_jump_relative = false
            budget_burn_cpu_seconds_per_minute = false
            """, "policy.toml").Policy!;

        var names = TripwireSet.FromPolicy(policy).Tripwires.Select(t => t.Name);

        Assert.Equal(["acceleration", "violations", "protected-touch"], names);
    }

    private static string Describe((OversightEvent Event, TripwireFire Fire) x) => $"{x.Event.Seq} {x.Fire.Tripwire} {x.Fire.Reason}";

    // A run with small steady gains, then acceleration, a jump, sandbox trouble and a CPU burst.
    private static EventLog Run()
    {
        var log = new EventLog();
        var t = 0;
        for (var i = 1; i <= 4; i++)
        {
            log.At(t += 30).Evaluated($"s{i}");
            log.Promotion($"s{i}", 0.01, evaluations: i * 50);
        }
        foreach (var (id, gain, evals) in new[] { ("a1", 0.02, 210L), ("a2", 0.04, 220L), ("a3", 0.08, 230L), ("a4", 0.16, 240L) })
        {
            log.At(t += 30).Evaluated(id);
            log.Promotion(id, gain, evals);
        }
        log.At(t += 30).Proposed("jump", 5.0, relative: 0.6, evaluations: 260, number: 9);
        log.At(t += 30).Evaluated("v1", Outcome.SandboxViolation, lineage: "bad");
        log.At(t += 1).Rejected("v2", RedTeamCategories.Network, lineage: "bad");
        log.At(t += 1).Rejected("v3", RedTeamCategories.GraderOverwrite, lineage: "bad", touched: true);
        log.At(t += 30).Evaluated("burn1", cpu: 200);
        log.At(t += 5).Evaluated("burn2", cpu: 50);
        return log;
    }
}
