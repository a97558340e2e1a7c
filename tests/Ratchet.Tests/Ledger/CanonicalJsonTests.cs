using System.Text.Json.Nodes;
using Ratchet.Ledger;

namespace Ratchet.Tests.Ledger;

public sealed class CanonicalJsonTests
{
    [Fact]
    public void Serialize_SortsKeysRecursively_AndDropsWhitespace()
    {
        var node = JsonNode.Parse("""{ "b": 1, "a": { "d": [3, 2], "c": "x" } }""");
        Assert.Equal("""{"a":{"c":"x","d":[3,2]},"b":1}""", CanonicalJson.Serialize(node));
    }

    [Fact]
    public void From_AnonymousObject_UsesSnakeCaseAndStableNumbers()
    {
        var text = CanonicalJson.From(new { zeta = 2.0, AlphaBeta = 0.1, n = (int?)null });
        Assert.Equal("""{"alpha_beta":0.1,"zeta":2}""", text);
    }

    [Fact]
    public void From_SameContentDifferentOrder_GivesSameText()
    {
        var a = CanonicalJson.From(new Dictionary<string, int> { ["x"] = 1, ["y"] = 2 });
        var b = CanonicalJson.From(new Dictionary<string, int> { ["y"] = 2, ["x"] = 1 });
        Assert.Equal(a, b);
    }
}
