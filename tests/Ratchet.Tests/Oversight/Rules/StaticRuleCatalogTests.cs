using Ratchet.Oversight;

namespace Ratchet.Tests.Oversight.Rules;

/// <summary>The shipped rules compile their patterns on first use (a run only needs its languages' rules), so a broken
/// pattern would otherwise surface in the middle of a run: every one is compiled here.</summary>
public sealed class StaticRuleCatalogTests
{
    [Fact]
    public void EveryShippedRule_CompilesItsPatterns()
    {
        var compiled = 0;
        foreach (var rule in StaticRulesAuditor.Rules)
        {
            switch (rule.Matcher)
            {
                case TokenRuleMatcher tokens:
                    Assert.Equal(tokens.Patterns.Count, tokens.Compiled.Count);
                    Assert.Equal(tokens.Unless?.Count ?? 0, tokens.CompiledUnless.Count);
                    compiled++;
                    break;
                case LineRegexRuleMatcher regex:
                    Assert.Equal(regex.Pattern, regex.Compiled.ToString());
                    compiled++;
                    break;
            }
        }

        Assert.True(compiled > 100, $"only {compiled} rules have patterns");
    }
}
