using Ratchet.Common;
using Tomlyn.Syntax;

namespace Ratchet.Oversight;

internal static partial class PolicyParser
{
    private static PolicyError UnknownKey(string file, Entry entry)
    {
        var elsewhere = PolicySchema.Keys.FirstOrDefault(k => k.Name == entry.Name);
        if (elsewhere is not null)
            return At(file, entry.Key.Span.Start,
                $"'{entry.Name}' is not a key of [{entry.Section}]; it belongs in [{elsewhere.Section}]. Move the line under [{elsewhere.Section}].");
        var valid = PolicySchema.In(entry.Section).Select(k => k.Name).ToArray();
        return At(file, entry.Key.Span.Start,
            $"unknown key '{entry.Name}' in [{entry.Section}]; did you mean '{NearestName.Closest(entry.Name, valid)}'? " +
            $"Fix the spelling or remove the line (keys of [{entry.Section}]: {string.Join(", ", valid)}).");
    }

    private static PolicyError UnknownTopLevel(string file, KeySyntax key, string name)
    {
        var sections = string.Join(", ", PolicySchema.Sections.Select(s => $"[{s}]"));
        var belongs = PolicySchema.Keys.FirstOrDefault(k => k.Name == name);
        if (belongs is not null)
            return At(file, key.Span.Start,
                $"'{name}' is not a top-level key; it belongs in [{belongs.Section}]. Move the line under [{belongs.Section}].");
        if (PolicySchema.Sections.Contains(name))
            return At(file, key.Span.Start,
                $"'{name}' must be a table; write [{name}] on its own line and its keys below it.");
        var nearest = NearestName.Closest(name, [PolicySchema.PresetKey, .. PolicySchema.Keys.Select(k => k.Name)]);
        var where = nearest == PolicySchema.PresetKey ? "" : $" under [{PolicySchema.Keys.First(k => k.Name == nearest).Section}]";
        return At(file, key.Span.Start,
            $"unknown top-level key '{name}'; did you mean '{nearest}'{where}? At the top level a policy has only preset = \"<name>\"; other keys go under {sections}.");
    }
}
