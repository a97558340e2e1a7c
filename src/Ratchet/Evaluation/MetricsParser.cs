using System.Text.Json;

namespace Ratchet.Evaluation;

/// <summary>The scorer's verdict read from its last stdout line: the objective, or why it is invalid.</summary>
public sealed record ParsedMetrics(double? Objective, string? Json, string? Problem)
{
    public bool IsValid => Problem is null;
}

/// <summary>Reads the last non-empty stdout line of a scorer as one JSON object with a finite objective.
/// Never throws: anything else is an <c>invalid-metrics</c> reason quoting the offending text.</summary>
public static class MetricsParser
{
    private const int QuoteLimit = 160;

    /// <param name="sharedStdout">True in single-command mode ([evaluate]), where the candidate writes to the same stdout
    /// as the evaluator: the objective may then appear on one line only, so a result printed beside the evaluator's own
    /// (after it, from a thread or a shutdown hook; or before it) makes the metrics ambiguous instead of winning.</param>
    public static ParsedMetrics Parse(string stdout, string metric, bool sharedStdout = false)
    {
        var line = LastLine(stdout);
        if (line is null)
            return Invalid("the scorer printed nothing; its last stdout line must be a JSON object such as {\"" + metric + "\": 1.5}");
        if (sharedStdout && CountLinesNaming(stdout, metric) is var naming and > 1)
            return Invalid($"the objective '{metric}' appears on {naming} stdout lines; in single-command mode ([evaluate]) the candidate shares the evaluator's stdout, so only one line may carry it");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException)
        {
            var hint = ContainsNonFinite(line) ? " (NaN and Infinity are not JSON numbers: the objective must be finite)" : "";
            return Invalid($"the scorer's last stdout line is not JSON{hint}: {Quote(line)}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return Invalid($"the scorer's last stdout line is JSON but not an object: {Quote(line)}");
            if (root.TryGetProperty("valid", out var valid) && valid.ValueKind == JsonValueKind.False)
            {
                var why = root.TryGetProperty("reason", out var reason) ? ": " + Quote(reason.ToString()) : "";
                return Invalid($"the scorer marked the result invalid (\"valid\": false){why}");
            }
            if (!root.TryGetProperty(metric, out var value))
                return Invalid($"the objective '{metric}' is missing from the scorer's JSON: {Quote(line)}");
            if (value.ValueKind == JsonValueKind.String && IsNonFiniteWord(value.GetString()))
                return Invalid($"the objective '{metric}' is not finite ({Quote(value.GetString() ?? "")})");
            if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number))
                return Invalid($"the objective '{metric}' is not a number: {Quote(value.GetRawText())}");
            if (!double.IsFinite(number))
                return Invalid($"the objective '{metric}' is not finite ({Quote(value.GetRawText())})");
            return new ParsedMetrics(number, line, null);
        }
    }

    /// <summary>Quotes text for a reason: at most 160 characters, control characters escaped.</summary>
    public static string Quote(string text)
    {
        var clipped = text.Length > QuoteLimit ? text[..QuoteLimit] + "…" : text;
        var builder = new System.Text.StringBuilder(clipped.Length + 2);
        builder.Append('"');
        foreach (var c in clipped)
        {
            if (char.IsControl(c))
                builder.Append($"\\u{(int)c:x4}");
            else
                builder.Append(c);
        }
        return builder.Append('"').ToString();
    }

    private static int CountLinesNaming(string text, string metric)
    {
        var key = "\"" + metric + "\"";
        return text.Split('\n').Count(l => l.Contains(key, StringComparison.Ordinal));
    }

    private static string? LastLine(string text)
    {
        var lines = text.Split('\n');
        for (var i = lines.Length - 1; i >= 0; i--)
        {
            var trimmed = lines[i].Trim();
            if (trimmed.Length > 0)
                return trimmed;
        }
        return null;
    }

    private static bool ContainsNonFinite(string line) =>
        line.Contains("NaN", StringComparison.Ordinal) || line.Contains("Infinity", StringComparison.Ordinal);

    private static bool IsNonFiniteWord(string? word) =>
        word is not null && (word.Equals("NaN", StringComparison.OrdinalIgnoreCase)
            || word.TrimStart('+', '-').Equals("Infinity", StringComparison.OrdinalIgnoreCase)
            || word.TrimStart('+', '-').Equals("inf", StringComparison.OrdinalIgnoreCase));

    private static ParsedMetrics Invalid(string problem) => new(null, null, problem);
}
