using System.Text.Json;
using Ratchet.Storage;

namespace Ratchet.Reports;

public static partial class RunReportReader
{
    private const string Unknown = "(unknown)";

    /// <summary>The oversight counts alone (one pass over the ledger), e.g. for <c>ratchet status</c>.</summary>
    public static OversightCounts ReadOversight(Store store) => ReadLedger(store).Counts;

    private sealed record LedgerFacts(OversightCounts Counts, string? Metric, bool? Maximize, string? Isolation);

    /// <summary>Counts every event type; looks inside only run-started, audit and tripwire payloads. A payload that
    /// is not the expected shape still counts, under "(unknown)".</summary>
    private static LedgerFacts ReadLedger(Store store)
    {
        var types = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var audits = new SortedDictionary<string, SortedDictionary<string, long>>(StringComparer.Ordinal);
        var tripwires = new SortedDictionary<string, long>(StringComparer.Ordinal);
        string? metric = null, isolation = null;
        bool? maximize = null;
        var started = false;
        foreach (var entry in store.ReadLedger())
        {
            types[entry.Type] = types.GetValueOrDefault(entry.Type) + 1;
            switch (entry.Type)
            {
                case "run-started" when !started:
                    started = true;
                    var run = Parse(entry.Payload);
                    if (run is { } r && r.TryGetProperty("objective", out var objective) && objective.ValueKind == JsonValueKind.Object)
                    {
                        metric = Text(objective, "metric");
                        maximize = Text(objective, "direction") switch { "maximize" => true, "minimize" => false, _ => null };
                    }
                    isolation = run is { } ri ? Text(ri, "isolation") : null;
                    break;
                case "audit":
                    var audit = Parse(entry.Payload);
                    var auditor = (audit is { } a ? Text(a, "auditor") : null) ?? Unknown;
                    var verdict = (audit is { } v ? Text(v, "verdict") : null) ?? Unknown;
                    if (!audits.TryGetValue(auditor, out var verdicts))
                        audits[auditor] = verdicts = new SortedDictionary<string, long>(StringComparer.Ordinal);
                    verdicts[verdict] = verdicts.GetValueOrDefault(verdict) + 1;
                    break;
                case "tripwire":
                    var fire = Parse(entry.Payload);
                    var name = (fire is { } f ? Text(f, "tripwire") : null) ?? Unknown;
                    tripwires[name] = tripwires.GetValueOrDefault(name) + 1;
                    break;
            }
        }
        var byAuditor = new SortedDictionary<string, IReadOnlyDictionary<string, long>>(StringComparer.Ordinal);
        foreach (var (auditor, verdicts) in audits)
            byAuditor[auditor] = verdicts;
        var counts = new OversightCounts(types, byAuditor, tripwires);
        return new LedgerFacts(counts, metric, maximize, isolation);
    }

    private static JsonElement? Parse(string payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
