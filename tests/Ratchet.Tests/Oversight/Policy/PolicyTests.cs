using Ratchet.Oversight;

namespace Ratchet.Tests.Oversight.Policy;

public sealed class PolicyTests
{
    [Fact]
    public void Hash_IsStableAcrossKeyOrderCommentsSpacingAndNumberSpelling()
    {
        var a = PolicyLoader.Parse("""
            preset = "vet"
            [tripwires]
            violations_count = 5
            score_jump_multiple = 8
            [auditors]
            flag = "allow"
            """, "a.toml").Policy!;
        var b = PolicyLoader.Parse("""
            # the team's policy
            [auditors]
            flag   =   "allow"     # we trust flags

            [tripwires]
            score_jump_multiple = 8.0
            violations_count = 5

            [approval]
            """ + "\npreset = \"vet\"\n".Replace("preset", "# no keys here\n[slowdown]\n# preset", StringComparison.Ordinal), "b.toml");
        var c = PolicyLoader.Parse("[auditors]\nflag = \"allow\"\n[tripwires]\nviolations_count = 5\nscore_jump_multiple = 8.0\n", "c.toml").Policy!;

        Assert.True(b.Succeeded, b.Format());
        Assert.Equal("delegate", b.Policy!.Preset);
        Assert.Equal(c.Hash, b.Policy.Hash);
        Assert.Equal(c.Canonical, b.Policy.Canonical);
        var d = PolicyLoader.Parse("[tripwires]\nscore_jump_multiple = 8.0\nviolations_count = 5\n[auditors]\nflag = \"allow\"  # trailing\npreset = \"vet\"\n", "d.toml");
        Assert.False(d.Succeeded);
        var e = PolicyLoader.Parse("preset = \"vet\"\n[tripwires]\nscore_jump_multiple = 8.0\nviolations_count = 5\n[auditors]\nflag = \"allow\"  # trailing\n", "e.toml").Policy!;
        Assert.Equal(a.Hash, e.Hash);
    }

    [Fact]
    public void Hash_ChangesWhenAnyValueChanges()
    {
        var baseline = Presets.Get("delegate");
        var changed = PolicyLoader.Parse("[slowdown]\ntripwire_cooldown_seconds = 601\n", "p.toml").Policy!;

        Assert.NotEqual(baseline.Hash, changed.Hash);
        Assert.Matches("^[0-9a-f]{64}$", changed.Hash);
    }

    [Fact]
    public void Canonical_LoadsBackToTheSamePolicy()
    {
        foreach (var name in Presets.Names)
        {
            var preset = Presets.Get(name);

            var again = PolicyLoader.Parse(preset.Canonical, "canonical.toml").Policy!;

            Assert.Equal(preset.Hash, again.Hash);
        }
    }

    [Fact]
    public void Canonical_ListsEveryKeyInSchemaOrder()
    {
        var lines = Presets.Get("delegate").Canonical.Split('\n').Where(l => l.Contains(" = ", StringComparison.Ordinal)).Select(l => l[..l.IndexOf(' ')]).ToArray();

        Assert.Equal(["preset", .. PolicySchema.Keys.Select(k => k.Name)], lines);
    }

    [Fact]
    public void Default_IsTheDelegatePresetAndIsSafe()
    {
        var policy = Ratchet.Oversight.Policy.Default;

        Assert.Equal("delegate", policy.Preset);
        Assert.True(policy.Approval.EveryMetaChange);
        Assert.True(policy.Tripwires.ProtectedTouch);
        Assert.Equal(FlagAction.Approve, policy.Auditors.Flag);
        Assert.True(policy.Auditors.StaticRules && policy.Auditors.Reproduce && policy.Auditors.DeterministicCheck);
        Assert.NotNull(policy.Tripwires.ScoreJumpMultiple);
        Assert.Null(policy.Approval.ApprovalTimeoutSeconds);
    }
}
