using System.Text.Json;
using System.Text.Json.Nodes;
using Ratchet.Common;

namespace Ratchet.Cli.Output;

/// <summary>Writes JSON for machines on stdout.</summary>
internal static class JsonOut
{
    public static void Write(object value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, Json.Indented));

    public static void WriteLine(object value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, Json.Options));

    /// <summary>A JSON tree, indented, with the project's escaping, without the reflection serializer's start-up.</summary>
    public static void Write(JsonNode value) => Console.Out.WriteLine(Render(value, indented: true));

    /// <summary>Renders a small tree, loading the JSON writer and its escaping (see Program's warm-up).</summary>
    public static void WarmUp() => Render(new JsonObject { ["warm"] = 1.5, ["up"] = new JsonArray("x") }, indented: true);

    /// <summary>A JSON tree on one line ("null" for none).</summary>
    public static string Compact(JsonNode? value) => Render(value, indented: false);

    private static string Render(JsonNode? value, bool indented)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, Encoder = Json.Options.Encoder }))
        {
            if (value is null)
                writer.WriteNullValue();
            else
                value.WriteTo(writer);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
