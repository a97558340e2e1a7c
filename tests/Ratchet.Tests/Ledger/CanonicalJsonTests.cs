using System.Text.Json;
using System.Text.Json.Nodes;
using Ratchet.Common;
using Ratchet.Evaluation;
using Ratchet.Ledger;
using Ratchet.Sandbox;

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

    /// <summary>What <see cref="CanonicalJson.From"/> produced before it walked payloads itself: every event ever
    /// hashed was written this way, so the walk must give the same text, byte for byte.</summary>
    private static string ThroughNodes(object? value) => CanonicalJson.Serialize(JsonSerializer.SerializeToNode(value, Json.Options));

    public static TheoryData<string, object?> Payloads() => new()
    {
        { "null", null },
        { "flat", new { candidate = "abc", seq = 3L, score = 2.5, passed = true, note = (string?)null } },
        { "snake case", new { PreviousScore = 1.0, relativeGain = -0.25, touched_protected = false } },
        { "numbers", new { i = 7, l = 123456789012345L, big = 1_000_000_000_000_000L, u = ulong.MaxValue, neg = -3, zero = -0.0,
            frac = 0.1, tiny = 1e-300, huge = 1.5e300, f = 0.1f, m = 2.50m, b = (byte)200, s = (short)-7 } },
        { "named literals", new { nan = double.NaN, up = double.PositiveInfinity, down = double.NegativeInfinity } },
        { "nested", new { objective = new { metric = "mse", direction = "minimize", repeats = 3 }, limit = (object?)null,
            policy = new { source = "policy.toml", preset = "vet", hash = "ff" } } },
        { "arrays", new { reasons = new List<string> { "b", "a \"quoted\"", "ünïcödé <tag> & 'x'" }, empty = Array.Empty<int>(),
            scores = new[] { 1.0, 2.25, double.NaN }, mixed = new object?[] { 1, "two", null, new { three = 3 } } } },
        { "query", new { invariants = new[] { ("a", true), ("b", false) }.Select(i => new { name = i.Item1, passed = i.Item2 }) } },
        { "dictionaries", new { meta = new Dictionary<string, string?> { ["z"] = "1", ["a"] = null, ["M"] = "2" },
            counts = new SortedDictionary<string, int>(StringComparer.Ordinal) { ["ok"] = 2, ["crashed"] = 1 } } },
        { "enums", new { outcome = Outcome.TimedOut, kind = Outcome.Ok, undefined = (Outcome)99 } },
        { "records", new { resources = new ResourceUsage(1.5, 2.25, 30.5), verdict = new Ratchet.Oversight.AuditVerdict("static-rules", Ratchet.Oversight.Verdict.Reject, ["x"], "test-editing") } },
        { "dates and bytes", new { at = new DateTimeOffset(2026, 12, 6, 5, 44, 0, TimeSpan.Zero), id = Guid.Empty, raw = new byte[] { 1, 2, 3 }, c = 'x' } },
        { "json node", new { node = JsonNode.Parse("""{"b":1,"a":[2,1]}"""), value = JsonValue.Create(3.0) } },
        { "top-level dictionary", new Dictionary<string, object?> { ["b"] = new { x = 1 }, ["a"] = new List<object?> { null, 2.0 } } },
        { "int-keyed dictionary", new { byCode = new Dictionary<int, string> { [2] = "b", [1] = "a" } } },
    };

    [Theory]
    [MemberData(nameof(Payloads))]
    public void From_WritesWhatTheNodeRoundTripWrote(string shape, object? payload)
    {
        Assert.True(ThroughNodes(payload) == CanonicalJson.From(payload), $"{shape}: {ThroughNodes(payload)} != {CanonicalJson.From(payload)}");
    }
}
