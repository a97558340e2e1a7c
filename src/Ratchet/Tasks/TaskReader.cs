using Ratchet.Common;
using Ratchet.Tasks.Toml;

namespace Ratchet.Tasks;

/// <summary>Reads typed values out of the parsed <c>ratchet.toml</c>, recording an error for every unknown key,
/// wrong type, missing required key and out-of-range value instead of stopping at the first.</summary>
internal sealed partial class TaskReader(List<TaskError> errors)
{
    private const string File = TaskLoader.FileName;

    /// <summary>The table <paramref name="section"/> (with its keys checked), or null when absent or not a table.</summary>
    private TomlTableNode? Section(TomlTableNode root, SectionRule section)
    {
        var entry = root.Find(section.Name);
        if (entry is null)
            return null;
        if (entry.Value is not TomlTableNode { Style: not TableStyle.ArrayElement } table)
        {
            Error(entry.Value.Pos, $"'{section.Name}' must be a table, e.g. {section.Example}; found {entry.Value.Describe()}");
            return null;
        }
        CheckKeys(table, section);
        return table;
    }

    private void CheckRootKeys(TomlTableNode root)
    {
        var known = TaskSchema.Root.Keys.Select(k => k.Name).Concat(TaskSchema.Sections.Select(s => s.Name)).ToArray();
        foreach (var entry in root.Entries.Where(e => !known.Contains(e.Key)))
        {
            var isTable = entry.Value is TomlTableNode { Style: TableStyle.Header or TableStyle.Implicit } or TomlList { Items: [TomlTableNode { Style: TableStyle.ArrayElement }, ..] };
            var pos = entry.Value is TomlTableNode { Style: TableStyle.Header } header ? header.Pos : entry.KeyPos;
            var hint = NearestName.Find(entry.Key, known);
            var shown = hint is null ? null : TaskSchema.Sections.Any(s => s.Name == hint) ? $"[{hint}]" : $"'{hint}'";
            var what = isTable ? $"unknown table [{entry.Key}]" : $"unknown key '{entry.Key}' at the top level";
            if (entry.Key == "policy")
                Error(pos, $"{what}; the oversight policy lives in policy.toml, outside ratchet.toml");
            else if (shown is not null)
                Error(pos, $"{what}; did you mean {shown}?");
            else if (isTable)
                Error(pos, $"{what}; valid tables: {string.Join(", ", TaskSchema.Sections.Select(s => $"[{s.Name}]"))}");
            else
                Error(pos, $"{what}; the only top-level key is 'name' (everything else belongs in a table such as [run])");
        }
    }

    private void CheckKeys(TomlTableNode table, SectionRule section)
    {
        var known = section.Keys.Select(k => k.Name).ToArray();
        foreach (var entry in table.Entries.Where(e => !known.Contains(e.Key)))
        {
            var hint = NearestName.Find(entry.Key, known);
            Error(entry.KeyPos, hint is not null
                ? $"unknown key '{entry.Key}' in [{section.Name}]; did you mean '{hint}'?"
                : $"unknown key '{entry.Key}' in [{section.Name}]; valid keys: {string.Join(", ", known)}");
        }
    }

    /// <summary>The value of <paramref name="key"/>, or null (with an error when the key is required).</summary>
    private TomlNode? Value(TomlTableNode? table, SectionRule section, string key)
    {
        if (table is null)
            return null;
        var rule = section[key];
        var entry = table.Find(key);
        if (entry is null && rule.Required)
        {
            if (table.Style == TableStyle.Root)
                Error(null, $"missing required key '{key}' at the top level; add e.g. {rule.Example} before the first [table]");
            else
                Error(table.Pos, $"missing required key '{key}' in [{section.Name}]; add e.g. {rule.Example}");
        }
        return entry?.Value;
    }

    private string? Text(TomlTableNode? table, SectionRule section, string key, Func<string, bool>? valid = null)
    {
        var node = Value(table, section, key);
        if (node is null)
            return null;
        if (node is TomlScalar { Value: string s } && (valid is null || valid(s)))
            return s;
        Error(node.Pos, Wrong(section, key, node.Describe()));
        return null;
    }

    private List<Located<string>>? TextList(TomlTableNode? table, SectionRule section, string key)
    {
        var node = Value(table, section, key);
        if (node is null)
            return null;
        if (node is not TomlList list || list.Items.Any(i => i is TomlTableNode { Style: TableStyle.ArrayElement }))
        {
            Error(node.Pos, Wrong(section, key, node.Describe()));
            return null;
        }
        var rule = section[key];
        if (rule.NonEmpty && list.Items.Count == 0)
        {
            Error(node.Pos, Wrong(section, key, "an empty array"));
            return null;
        }
        // The good items are returned even when others are wrong, so later rules still check them.
        var result = new List<Located<string>>();
        for (var i = 0; i < list.Items.Count; i++)
        {
            if (list.Items[i] is TomlScalar { Value: string s } && s.Length > 0)
            {
                result.Add(new Located<string>(s, list.Items[i].Pos));
                continue;
            }
            var found = list.Items[i] is TomlScalar { Value: "" } ? "an empty string" : list.Items[i].Describe();
            Error(list.Items[i].Pos, Wrong(section, key, $"{found} as item {i + 1}"));
        }
        return result;
    }

    private List<(Located<string> Visible, Located<string> Source)>? PathMap(TomlTableNode? table, SectionRule section, string key)
    {
        var node = Value(table, section, key);
        if (node is null)
            return null;
        if (node is not TomlTableNode map || map.Style == TableStyle.ArrayElement)
        {
            Error(node.Pos, Wrong(section, key, node.Describe()));
            return null;
        }
        var result = new List<(Located<string>, Located<string>)>();
        foreach (var entry in map.Entries)
        {
            if (entry.Value is TomlScalar { Value: string s })
            {
                result.Add((new Located<string>(entry.Key, entry.KeyPos), new Located<string>(s, entry.Value.Pos)));
                continue;
            }
            var hint = entry.Value is TomlTableNode ? $" under '{entry.Key}' (a bare key with '.' makes a table: quote the path, e.g. \"data/x.json\" = \"sealed/x.json\")" : $" for '{entry.Key}'";
            Error(entry.KeyPos, Wrong(section, key, entry.Value.Describe() + hint));
        }
        return result;
    }

    private bool? Boolean(TomlTableNode? table, SectionRule section, string key)
    {
        var node = Value(table, section, key);
        if (node is null)
            return null;
        if (node is TomlScalar { Value: bool b })
            return b;
        Error(node.Pos, Wrong(section, key, node.Describe()));
        return null;
    }

    private long? Integer(TomlTableNode? table, SectionRule section, string key)
    {
        var node = Value(table, section, key);
        if (node is null)
            return null;
        if (node is TomlScalar { Value: long l } && section[key].InRange(l))
            return l;
        Error(node.Pos, Wrong(section, key, node.Describe()));
        return null;
    }

    /// <summary>A number; integers are accepted where floats are expected.</summary>
    private double? Number(TomlTableNode? table, SectionRule section, string key)
    {
        var node = Value(table, section, key);
        if (node is null)
            return null;
        double? value = node is TomlScalar { Value: long l } ? l : node is TomlScalar { Value: double d } ? d : null;
        if (value is { } v && double.IsFinite(v) && section[key].InRange(v))
            return v;
        Error(node.Pos, Wrong(section, key, node.Describe()));
        return null;
    }

    private static string Wrong(SectionRule section, string key, string found)
    {
        var rule = section[key];
        return $"{Where(section, key)} must be {rule.Expected}, e.g. {rule.Example}; found {found}";
    }

    private static string Where(SectionRule section, string key) =>
        section.Name.Length == 0 ? $"'{key}'" : $"'{key}' in [{section.Name}]";

    private void Error(TextPos? pos, string message) =>
        errors.Add(new TaskError(File, pos?.Line, pos?.Column, message));
}
