using Ratchet.Oversight;

namespace Ratchet.Tests.Oversight.Policy;

public sealed class PresetsTests
{
    [Fact]
    public void Names_AreTheFourPhasesInOrder()
    {
        Assert.Equal(["collaborate", "vet", "delegate", "recursive"], Presets.Names);
        Assert.Equal("delegate", Presets.Default);
    }

    [Theory]
    [InlineData("collaborate")]
    [InlineData("vet")]
    [InlineData("delegate")]
    [InlineData("recursive")]
    public void EveryPreset_SetsEveryKeyAndKeepsTheSafetyFloor(string name)
    {
        var text = Presets.Text(name);
        var policy = Presets.Get(name);

        Assert.All(PolicySchema.Keys, k => Assert.Contains($"\n{k.Name} = ", text, StringComparison.Ordinal));
        Assert.True(policy.Approval.EveryMetaChange);
        Assert.True(policy.Tripwires.ProtectedTouch);
        Assert.True(policy.Auditors.StaticRules);
    }

    [Fact]
    public void Presets_DifferAsDescribed()
    {
        Assert.True(Presets.Get("collaborate").Approval.EveryPromotion);
        Assert.Equal(0.01, Presets.Get("vet").Approval.GainAboveRelative);
        Assert.Equal(0.1, Presets.Get("delegate").Approval.GainAboveRelative);
        var recursive = Presets.Get("recursive");
        Assert.False(recursive.Approval.EveryPromotion);
        Assert.Null(recursive.Approval.GainAboveRelative);
        Assert.Equal(25, recursive.Slowdown.CheckpointEveryPromotions);
        Assert.NotNull(recursive.Slowdown.MaxEvaluations);
    }

    [Fact]
    public void Text_OfAnUnknownPreset_Throws()
    {
        Assert.Throws<ArgumentException>(() => Presets.Text("yolo"));
    }
}
