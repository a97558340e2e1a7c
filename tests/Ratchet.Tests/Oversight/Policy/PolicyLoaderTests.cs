using Ratchet.Oversight;

namespace Ratchet.Tests.Oversight.Policy;

public sealed class PolicyLoaderTests : IDisposable
{
    private readonly string _task = Directory.CreateTempSubdirectory("ratchet-policy-").FullName;

    public void Dispose() => Directory.Delete(_task, recursive: true);

    [Fact]
    public void Load_WhenTheTaskHasNoPolicyFile_UsesTheDelegatePresetAndSaysSo()
    {
        var result = PolicyLoader.Load(null, _task);

        Assert.True(result.Succeeded);
        Assert.Equal("default (delegate)", result.Policy!.Source);
        Assert.Equal(Presets.Get("delegate").Hash, result.Policy.Hash);
    }

    [Fact]
    public void Load_WhenTheTaskHasAPolicyFile_ReadsIt()
    {
        File.WriteAllText(Path.Combine(_task, "policy.toml"), "preset = \"vet\"\n[approval]\ngain_above_relative = 0.05\n");

        var policy = PolicyLoader.Load(null, _task).Policy!;

        Assert.Equal("policy.toml", policy.Source);
        Assert.Equal("vet", policy.Preset);
        Assert.Equal(0.05, policy.Approval.GainAboveRelative);
        Assert.Equal(30, policy.Slowdown.MaxPromotionsPerHour);
    }

    [Fact]
    public void Load_WhenGivenAPresetName_UsesThePreset()
    {
        var policy = PolicyLoader.Load("collaborate", _task).Policy!;

        Assert.Equal("preset collaborate", policy.Source);
        Assert.True(policy.Approval.EveryPromotion);
    }

    [Fact]
    public void Load_WhenTheGivenFileIsMissing_FailsInsteadOfFallingBack()
    {
        var result = PolicyLoader.Load(Path.Combine(_task, "strict.toml"), _task);

        var error = Assert.Single(result.Errors);
        Assert.Null(result.Policy);
        Assert.StartsWith("policy file not found (looked at ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("Give an existing file, or a preset name: collaborate, vet, delegate, recursive.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WhenAMissingFileLooksLikeAPreset_SuggestsThePreset()
    {
        var result = PolicyLoader.Load("recursiv", _task);

        Assert.Contains("Did you mean the preset 'recursive'?", result.Errors.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AnUnknownKey_NamesTheFileLineAndNearestKey()
    {
        var error = Single("preset = \"vet\"\n\n[auditors]\nholdout_margn = 0.1\n");

        Assert.Equal("policy.toml:4:1: unknown key 'holdout_margn' in [auditors]; did you mean 'holdout_margin'? Fix the spelling or remove the line " +
                     "(keys of [auditors]: flag, holdout_margin, reproduce, reproduce_tolerance, deterministic_check, deterministic_reruns, max_diff_lines, max_program_bytes, static_rules, disabled_rules).",
            error.ToString());
    }

    [Fact]
    public void Parse_AKeyInTheWrongTable_SaysWhereItBelongs()
    {
        var error = Single("[auditors]\nscore_jump_multiple = 5\n");

        Assert.Equal("policy.toml:2:1: 'score_jump_multiple' is not a key of [auditors]; it belongs in [tripwires]. Move the line under [tripwires].", error.ToString());
    }

    [Fact]
    public void Parse_AnUnknownTable_NamesTheNearestTable()
    {
        var error = Single("[tripwire]\nprotected_touch = true\n");

        Assert.Equal("policy.toml:1:2: unknown table [tripwire]; did you mean [tripwires]? A policy has the tables [auditors], [tripwires], [approval], [slowdown].", error.ToString());
    }

    [Fact]
    public void Parse_AWrongType_SaysWhatWasExpectedAndFound()
    {
        var error = Single("[auditors]\nholdout_margin = \"0.1\"\n");

        Assert.Equal("policy.toml:2:18: [auditors] holdout_margin must be a number from 0 to 1; found a string (\"0.1\"). Write it without quotes, e.g. holdout_margin = 0.0.", error.ToString());
    }

    [Fact]
    public void Parse_AFloatForAWholeNumber_AsksForTheWholeNumber()
    {
        var error = Single("[auditors]\nmax_diff_lines = 300.0\n");

        Assert.Equal("policy.toml:2:18: [auditors] max_diff_lines must be a whole number; found a float (300). Write it without the fraction, e.g. max_diff_lines = 400.", error.ToString());
    }

    [Fact]
    public void Parse_AValueOutOfRange_SaysTheRange()
    {
        var error = Single("[tripwires]\nscore_jump_multiple = 0.5\n");

        Assert.Equal("policy.toml:2:23: [tripwires] score_jump_multiple = 0.5 is out of range: it must be a number of at least 1, or false (off). Write e.g. score_jump_multiple = 10.0.", error.ToString());
    }

    [Fact]
    public void Parse_TheOldApprovalTimeoutSecondsKey_PointsToApprovalTimeout()
    {
        var error = Single("[approval]\napproval_timeout_seconds = 3600\n");

        Assert.Contains("unknown key 'approval_timeout_seconds' in [approval]; did you mean 'approval_timeout'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TrueForASwitchableRule_AsksForAValueOrFalse()
    {
        var error = Single("[approval]\napproval_timeout = true\n");

        Assert.EndsWith("found true. Write a value to switch it on (e.g. approval_timeout = 86400.0) or false to switch it off.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AnUnknownPreset_SuggestsTheNearest()
    {
        var error = Single("preset = \"delegat\"\n");

        Assert.Equal("policy.toml:1:10: unknown preset 'delegat'; did you mean 'delegate'? Presets: collaborate, vet, delegate, recursive.", error.ToString());
    }

    [Fact]
    public void Parse_AnUnknownRuleId_SuggestsTheNearestRule()
    {
        var error = Single("[auditors]\ndisabled_rules = [\"py.exit.sys-exit\", \"py.dynamic.evall\"]\n");

        Assert.Equal("policy.toml:2:39: [auditors] disabled_rules names unknown rule 'py.dynamic.evall'; did you mean 'py.dynamic.eval'? List the rules with `ratchet policy rules`.", error.ToString());
    }

    [Fact]
    public void Parse_AnUnknownChoice_SuggestsTheNearest()
    {
        var error = Single("[auditors]\nflag = \"aprove\"\n");

        Assert.Equal("policy.toml:2:8: [auditors] flag must be one of \"approve\", \"allow\", \"reject\"; found \"aprove\". Did you mean \"approve\"?", error.ToString());
    }

    [Fact]
    public void Parse_SeveralMistakes_ReportsAllOfThemInFileOrderUnderOneHeading()
    {
        var result = PolicyLoader.Parse("""
            preset = "vett"
            [auditors]
            holdout_margin = -1
            reproduce = "yes"
            [slowdown]
            max_promotions_per_evaluations = [200, 100]
            checkpoint_every = 5
            """, "policy.toml");

        Assert.Equal([1, 3, 4, 6, 7], result.Errors.Select(e => e.Line ?? 0));
        Assert.StartsWith("policy 'policy.toml' has 5 errors:" + Environment.NewLine + "  policy.toml:1:10: unknown preset 'vett'", result.Format(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ATomlSyntaxError_ReportsItsPosition()
    {
        var error = Single("[auditors]\nflag = \n");

        Assert.Equal(2, error.Line);
        Assert.StartsWith("TOML syntax error: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FalseSwitchesOffAnOptionalRule()
    {
        var policy = PolicyLoader.Parse("[tripwires]\nscore_jump_multiple = false\n[slowdown]\nmax_promotions_per_evaluations = false\n", "p.toml").Policy!;

        Assert.Null(policy.Tripwires.ScoreJumpMultiple);
        Assert.Null(policy.Slowdown.MaxPromotionsPerEvaluations);
        Assert.Equal("delegate", policy.Preset);
    }

    [Fact]
    public void Parse_DottedKeysAndInlineTablesMeanTheSameAsTables()
    {
        var dotted = PolicyLoader.Parse("auditors.flag = \"allow\"\ntripwires = { violations_count = 5 }\n", "a.toml").Policy!;
        var tables = PolicyLoader.Parse("[auditors]\nflag = \"allow\"\n[tripwires]\nviolations_count = 5\n", "b.toml").Policy!;

        Assert.Equal(tables.Hash, dotted.Hash);
    }

    private static PolicyError Single(string text)
    {
        var result = PolicyLoader.Parse(text, "policy.toml");
        Assert.Null(result.Policy);
        return Assert.Single(result.Errors);
    }
}
