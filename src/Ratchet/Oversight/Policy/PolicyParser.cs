using Ratchet.Common;
using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace Ratchet.Oversight;

/// <summary>A policy text read and validated: its preset, its effective values, and every mistake found.</summary>
internal sealed record ParsedPolicy(string Preset, IReadOnlyDictionary<string, object?> Values, IReadOnlyList<PolicyError> Errors);

/// <summary>Reads policy TOML with Tomlyn's syntax tree (so every key and value keeps its line and column) and validates
/// it against <see cref="PolicySchema"/>, collecting all errors instead of stopping at the first.</summary>
internal static partial class PolicyParser
{
    private sealed record Entry(string Section, string Name, KeySyntax Key, ValueSyntax Value);

    /// <param name="presetFile">True for a shipped preset: it must set every key and may not name a preset.</param>
    public static ParsedPolicy Parse(string text, string file, bool presetFile = false)
    {
        var errors = new List<PolicyError>();
        var doc = SyntaxParser.Parse(text, file, true);
        foreach (var d in doc.Diagnostics.Where(d => d.Kind == DiagnosticMessageKind.Error))
            errors.Add(At(file, d.Span.Start, $"TOML syntax error: {d.Message.TrimEnd('.')}. Fix the syntax at this position (see https://toml.io)."));

        var preset = Presets.Default;
        var entries = new List<Entry>();
        foreach (var kv in doc.KeyValues)
        {
            if (kv.Key is null || kv.Value is null)
                continue;
            var parts = Parts(kv.Key);
            if (parts is [PolicySchema.PresetKey])
                preset = ReadPreset(kv, file, presetFile, errors) ?? preset;
            else if (parts.Count >= 2 && PolicySchema.Sections.Contains(parts[0]))
                entries.Add(new Entry(parts[0], string.Join('.', parts.Skip(1)), kv.Key, kv.Value));
            else if (parts is [var section] && PolicySchema.Sections.Contains(section) && kv.Value is InlineTableSyntax inline)
                entries.AddRange(InlineEntries(section, inline));
            else
                errors.Add(UnknownTopLevel(file, kv.Key, string.Join('.', parts)));
        }
        foreach (var table in doc.Tables)
            entries.AddRange(TableEntries(table, file, errors));

        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var key = PolicySchema.Find(entry.Section, entry.Name);
            if (key is null)
            {
                errors.Add(UnknownKey(file, entry));
                continue;
            }
            var (value, problem, where) = Convert(key, entry.Value);
            if (problem is not null)
                errors.Add(At(file, where ?? entry.Value.Span.Start, problem));
            else
                values[key.Path] = value;
        }

        if (presetFile)
        {
            foreach (var key in PolicySchema.Keys.Where(k => !values.ContainsKey(k.Path)))
                errors.Add(new PolicyError(file, null, null, $"preset does not set [{key.Section}] {key.Name}; every preset must set every key."));
            return new ParsedPolicy(preset, values, errors);
        }
        var merged = new Dictionary<string, object?>(Presets.Values(preset), StringComparer.Ordinal);
        foreach (var (path, value) in values)
            merged[path] = value;
        return new ParsedPolicy(preset, merged, errors);
    }

    private static string? ReadPreset(KeyValueSyntax kv, string file, bool presetFile, List<PolicyError> errors)
    {
        if (presetFile)
        {
            errors.Add(At(file, kv.Key!.Span.Start, "a preset may not name another preset."));
            return null;
        }
        var names = string.Join(", ", Presets.Names);
        if (kv.Value is not StringValueSyntax { Value: { } name })
        {
            errors.Add(At(file, kv.Value!.Span.Start,
                $"preset must be a string naming a preset ({names}); found {Describe(kv.Value)}. Write e.g. preset = \"vet\"."));
            return null;
        }
        if (Presets.Names.Contains(name))
            return name;
        errors.Add(At(file, kv.Value.Span.Start,
            $"unknown preset '{name}'; did you mean '{NearestName.Closest(name, Presets.Names)}'? Presets: {names}."));
        return null;
    }

    private static IEnumerable<Entry> TableEntries(TableSyntaxBase table, string file, List<PolicyError> errors)
    {
        var sections = string.Join(", ", PolicySchema.Sections.Select(s => $"[{s}]"));
        if (table.Name is null)
            yield break;
        var name = string.Join('.', Parts(table.Name));
        if (table is TableArraySyntax)
        {
            errors.Add(At(file, table.Name.Span.Start,
                $"[[{name}]] is an array of tables, which a policy does not have. Write a single table instead; a policy has the tables {sections}."));
            yield break;
        }
        if (!PolicySchema.Sections.Contains(name))
        {
            var hint = name.Split('.') is [var first, ..] && PolicySchema.Sections.Contains(first)
                ? $"[{first}] has no sub-tables; write its keys directly under [{first}]"
                : $"did you mean [{NearestName.Closest(name, PolicySchema.Sections)}]?";
            errors.Add(At(file, table.Name.Span.Start, $"unknown table [{name}]; {hint} A policy has the tables {sections}."));
            yield break;
        }
        foreach (var kv in table.Items)
        {
            if (kv.Key is not null && kv.Value is not null)
                yield return new Entry(name, string.Join('.', Parts(kv.Key)), kv.Key, kv.Value);
        }
    }

    private static IEnumerable<Entry> InlineEntries(string section, InlineTableSyntax inline)
    {
        foreach (var item in inline.Items)
        {
            if (item.KeyValue is { Key: { } key, Value: { } value })
                yield return new Entry(section, string.Join('.', Parts(key)), key, value);
        }
    }

    private static List<string> Parts(KeySyntax key)
    {
        var parts = new List<string> { Part(key.Key) };
        foreach (var item in key.DotKeys)
            parts.Add(Part(item.Key));
        return parts;
    }

    private static string Part(BareKeyOrStringValueSyntax? key) => key switch
    {
        BareKeySyntax bare => bare.Key?.Text ?? "",
        StringValueSyntax quoted => quoted.Value ?? "",
        _ => "",
    };

    private static PolicyError At(string file, TextPosition position, string message) =>
        new(file, position.Line + 1, position.Column + 1, message);
}
