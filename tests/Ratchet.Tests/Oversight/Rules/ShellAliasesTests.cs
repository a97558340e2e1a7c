using Ratchet.Oversight;

namespace Ratchet.Tests.Oversight.Rules;

public sealed class ShellAliasesTests
{
    [Fact]
    public void Resolve_SubstitutesConstantVariablesAndAliases()
    {
        var (raw, _) = ShellTokenizer.Tokenize("a=cu\nb=rl\nalias g='wget -q'\n$a$b x\ng y\n");

        var (tokens, assigned) = ShellAliases.Resolve(raw);

        Assert.Contains(tokens, t => t.Text == "curl");
        Assert.Contains(tokens, t => t.Text == "wget");
        Assert.Equal(["a", "b"], assigned.Order());
    }

    [Fact]
    public void Resolve_KnowsLoopAndReadTargetsAreAssigned()
    {
        var (raw, _) = ShellTokenizer.Tokenize("for i in 1 2; do read -r line; done; local x; export Y=1\n");

        var (_, assigned) = ShellAliases.Resolve(raw);

        Assert.Superset(new HashSet<string> { "i", "line", "x", "Y" }, assigned);
    }
}
