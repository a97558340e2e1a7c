using System.Text.Json;
using Ratchet.Common;

namespace Ratchet.Cli.Output;

/// <summary>Writes JSON for machines on stdout.</summary>
internal static class JsonOut
{
    public static void Write(object value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, Json.Indented));

    public static void WriteLine(object value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, Json.Options));
}
