using Ratchet.Common;

namespace Ratchet.Tests.Common;

public sealed class NearestNameTests
{
    [Theory]
    [InlineData("comand", "command")]
    [InlineData("inptus", "inputs")]
    [InlineData("Command", "command")]
    [InlineData("envv", "env")]
    public void Find_GivenATypo_ReturnsTheIntendedName(string typo, string expected)
    {
        Assert.Equal(expected, NearestName.Find(typo, ["command", "inputs", "env"]));
    }

    [Theory]
    [InlineData("timeout")]
    [InlineData("x")]
    public void Find_GivenNothingClose_ReturnsNull(string name)
    {
        Assert.Null(NearestName.Find(name, ["command", "inputs", "env"]));
    }

    [Fact]
    public void Find_GivenATie_ReturnsTheEarlierCandidate()
    {
        Assert.Equal("cat", NearestName.Find("bat", ["cat", "hat"]));
    }

    [Theory]
    [InlineData("abc", "abc", 0)]
    [InlineData("abc", "acb", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    public void Distance_CountsEditsWithSwapsAsOne(string a, string b, int expected)
    {
        Assert.Equal(expected, NearestName.Distance(a, b));
    }
}
