using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

using Ratchet.Common;

namespace Ratchet.Ledger;

/// <summary>One JSON text per value: object keys sorted by ordinal, no whitespace, numbers round-trip.</summary>
public static class CanonicalJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    public static string Serialize(JsonNode? node)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            Write(writer, node);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Serializes an object built from anonymous types, dictionaries and primitives.</summary>
    public static string From(object? value) =>
        Serialize(value as JsonNode ?? JsonSerializer.SerializeToNode(value, Json.Options));

    private static void Write(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(key);
                    Write(writer, value);
                }
                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                    Write(writer, item);
                writer.WriteEndArray();
                break;
            case JsonValue value:
                WriteValue(writer, value);
                break;
        }
    }

    private static void WriteValue(Utf8JsonWriter writer, JsonValue value)
    {
        if (value.TryGetValue<double>(out var d) && value.GetValueKind() == JsonValueKind.Number)
        {
            if (Math.Floor(d) == d && Math.Abs(d) < 1e15)
                writer.WriteNumberValue((long)d);
            else
                writer.WriteNumberValue(d);
            return;
        }
        value.WriteTo(writer);
    }
}
