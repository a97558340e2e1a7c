using System.Globalization;
using System.Text.Json;
using Ratchet.Evaluation;
using Ratchet.Ledger;
using Ratchet.Oversight;

namespace Ratchet.Runs.Oversight;

/// <summary>Turns the ledger events the controller writes at decision time back into the events tripwires read, so the
/// live run and a rebuilt one see the same stream (same sequence numbers, same times).</summary>
internal static class OversightEvents
{
    public const string Assessed = "assessed";
    public const string Rejection = "rejection";
    public const string PromotionProposed = "promotion-proposed";
    public const string Promotion = "promotion";

    public static OversightEvent? From(LedgerEntry entry)
    {
        if (entry.Type is not (Assessed or Rejection or PromotionProposed or Promotion))
            return null;
        var at = DateTimeOffset.Parse(entry.Time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        using var document = JsonDocument.Parse(entry.Payload);
        var p = document.RootElement;
        var candidate = Str(p, "candidate") ?? "";
        return entry.Type switch
        {
            Assessed => new EvaluatedEvent(entry.Seq, at, candidate, Str(p, "parent"), Str(p, "lineage_root") ?? candidate,
                OutcomeNames.Parse(Str(p, "outcome") ?? "crashed"), Strings(p, "reasons"), Num(p, "cpu_seconds") ?? 0,
                (int)(Num(p, "sandbox_runs") ?? 0), Bool(p, "results_refused")),
            Rejection => new RejectedEvent(entry.Seq, at, candidate, Str(p, "lineage_root") ?? candidate, Str(p, "by") ?? "task-rules",
                Str(p, "category"), Strings(p, "reasons"), Bool(p, "touched_protected")),
            PromotionProposed => new PromotionProposedEvent(entry.Seq, at, candidate, Num(p, "score") ?? 0, Num(p, "previous_score"),
                Num(p, "gain"), Num(p, "relative_gain"), (long)(Num(p, "evaluations") ?? 0), (int)(Num(p, "promotion_number") ?? 0), Bool(p, "is_meta")),
            _ => new PromotedEvent(entry.Seq, at, candidate, Num(p, "score") ?? 0, Num(p, "gain"), Num(p, "relative_gain")),
        };
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static double? Num(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    private static bool Bool(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    private static IReadOnlyList<string> Strings(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToArray()
            : [];
}
