using Ratchet.Oversight;

namespace Ratchet.Tests.Runs;

/// <summary>Policies for controller tests: auditors on, but no human needed unless a test asks for one.</summary>
internal static class TestPolicies
{
    public const string PermissiveToml = """
        preset = "recursive"
        [tripwires]
        score_jump_multiple = false
        score_jump_relative = false
        acceleration_doubling_evaluations = false
        violations_count = false
        budget_burn_cpu_seconds_per_minute = false
        protected_touch = false
        [approval]
        every_meta_change = false
        [slowdown]
        max_promotions_per_hour = false
        max_promotions_per_evaluations = false
        checkpoint_every_promotions = false
        tripwire_cooldown_seconds = 0
        """;

    /// <summary>No approvals, no tripwires, no rate caps; static rules and re-runs still on.</summary>
    public static Policy Permissive { get; } = Parse(PermissiveToml, "permissive");

    public static Policy Parse(string toml, string source = "test")
    {
        var result = PolicyLoader.Parse(toml, source);
        return result.Policy ?? throw new InvalidOperationException(result.Format());
    }
}
