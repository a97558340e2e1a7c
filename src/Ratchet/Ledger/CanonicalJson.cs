using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
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

    /// <summary>Serializes an object built from anonymous types, dictionaries and primitives, exactly as
    /// <c>Serialize(JsonSerializer.SerializeToNode(value, Json.Options))</c> would.</summary>
    /// <remarks>Ledger payloads are anonymous objects. System.Text.Json builds (and JIT-compiles) metadata for each such
    /// type on first use, tens of milliseconds of every run's start, and goes through a node tree for each event; this
    /// walks them directly. Values of other types (records, dates, ...) still go through System.Text.Json, as their
    /// declared type, with the same options.</remarks>
    public static string From(object? value)
    {
        if (value is JsonNode node)
            return Serialize(node);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            WriteObject(writer, value, typeof(object));
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static readonly ConcurrentDictionary<Type, (string Name, PropertyInfo Property)[]> AnonymousProperties = new();

    private static void WriteObject(Utf8JsonWriter writer, object? value, Type declared)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                return;
            case string text:
                writer.WriteStringValue(text);
                return;
            case bool flag:
                writer.WriteBooleanValue(flag);
                return;
            case JsonNode node:
                Write(writer, node);
                return;
            case double number:
                WriteNumber(writer, number);
                return;
            case int or long or short or sbyte or byte or ushort or uint or ulong:
                WriteNumber(writer, Convert.ToDouble(value, CultureInfo.InvariantCulture));
                return;
            case float or decimal:
                // System.Text.Json writes the shortest round-trip text; the node then reads that text as a double.
                WriteNumber(writer, double.Parse(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
                return;
            case Enum when Enum.IsDefined(value.GetType(), value):
                writer.WriteStringValue(JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString()!));
                return;
        }

        var type = value.GetType();
        if (IsAnonymous(type))
        {
            writer.WriteStartObject();
            foreach (var (name, property) in AnonymousProperties.GetOrAdd(type, PropertiesOf))
            {
                var item = property.GetValue(value);
                if (item is null)
                    continue;
                writer.WritePropertyName(name);
                WriteObject(writer, item, property.PropertyType);
            }
            writer.WriteEndObject();
            return;
        }

        var valueType = DictionaryValueType(type);
        if (value is IDictionary dictionary && valueType is not null)
        {
            var entries = new List<(string Key, object? Value)>(dictionary.Count);
            foreach (DictionaryEntry entry in dictionary)
                entries.Add(((string)entry.Key, entry.Value));
            entries.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
            writer.WriteStartObject();
            foreach (var (key, item) in entries)
            {
                writer.WritePropertyName(key);
                WriteObject(writer, item, valueType);
            }
            writer.WriteEndObject();
            return;
        }

        if (value is IEnumerable sequence and not IDictionary and not byte[] && valueType is null && ElementType(type) is { } elementType)
        {
            writer.WriteStartArray();
            foreach (var item in sequence)
                WriteObject(writer, item, elementType);
            writer.WriteEndArray();
            return;
        }

        // Anything else serializes as System.Text.Json would serialize it at this place (as its declared type).
        var asDeclared = declared == typeof(object) || !declared.IsInstanceOfType(value) ? type : declared;
        Write(writer, JsonSerializer.SerializeToNode(value, asDeclared, Json.Options));
    }

    private static void WriteNumber(Utf8JsonWriter writer, double d)
    {
        if (double.IsNaN(d) || double.IsInfinity(d))
        {
            // Json.Options allows named literals: System.Text.Json writes them as strings.
            writer.WriteStringValue(d.ToString(CultureInfo.InvariantCulture));
            return;
        }

        if (Math.Floor(d) == d && Math.Abs(d) < 1e15)
            writer.WriteNumberValue((long)d);
        else
            writer.WriteNumberValue(d);
    }

    private static bool IsAnonymous(Type type) =>
        type.IsGenericType && type.Name.Contains("AnonymousType", StringComparison.Ordinal)
        && type.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false);

    private static (string Name, PropertyInfo Property)[] PropertiesOf(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Name: Json.Options.PropertyNamingPolicy!.ConvertName(p.Name), Property: p))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToArray();

    /// <summary>The value type of a dictionary with string keys, or null for any other dictionary.</summary>
    private static Type? DictionaryValueType(Type type)
    {
        foreach (var candidate in type.GetInterfaces().Prepend(type))
        {
            if (candidate.IsGenericType && candidate.GetGenericTypeDefinition() is var definition
                && (definition == typeof(IDictionary<,>) || definition == typeof(IReadOnlyDictionary<,>))
                && candidate.GetGenericArguments() is [var key, var item] && key == typeof(string))
                return item;
        }
        return null;
    }

    /// <summary>The element type of a plain sequence (an array, a list, a LINQ query), or null for anything else.</summary>
    private static Type? ElementType(Type type)
    {
        if (type.IsArray)
            return type.GetElementType();
        foreach (var candidate in type.GetInterfaces().Prepend(type))
        {
            if (candidate.IsGenericType && candidate.GetGenericTypeDefinition() == typeof(IEnumerable<>))
                return candidate.GetGenericArguments()[0];
        }
        return null;
    }

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
