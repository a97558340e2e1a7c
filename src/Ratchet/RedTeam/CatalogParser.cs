using Ratchet.Oversight;
using Ratchet.Tasks;
using Ratchet.Tasks.Toml;

namespace Ratchet.RedTeam;

/// <summary>Reads one catalogue file: <c>[[attack]]</c> tables (name, category, target, what, harm, proposals) or
/// <c>[[benign]]</c> tables (the same without category and harm); either may say <c>alone = true</c>. Every mistake is
/// reported, with its position.</summary>
internal static class CatalogParser
{
    private static readonly string[] AttackKeys = ["name", "category", "target", "what", "harm", "alone", "proposal"];
    private static readonly string[] BenignKeys = ["name", "target", "what", "alone", "proposal"];
    private static readonly string[] ProposalKeys = ["label", "files", "patch", "setup"];

    public static IReadOnlyList<RedTeamCase> Parse(string text, string source, List<string> errors)
    {
        var taskErrors = new List<TaskError>();
        var root = TomlTree.Parse(text, source, taskErrors);
        errors.AddRange(taskErrors.Select(e => $"{e.File}:{e.Line}:{e.Column}: {e.Message}"));
        if (root is null)
            return [];
        var cases = new List<RedTeamCase>();
        foreach (var entry in root.Entries)
        {
            var benign = entry.Key == "benign";
            if (entry.Key is not ("attack" or "benign") || entry.Value is not TomlList list)
            {
                errors.Add(At(source, entry.KeyPos, $"unknown top-level key '{entry.Key}': a catalogue file holds [[attack]] or [[benign]] tables"));
                continue;
            }
            foreach (var item in list.Items)
            {
                if (item is not TomlTableNode table)
                {
                    errors.Add(At(source, item.Pos, $"[[{entry.Key}]] entries must be tables"));
                    continue;
                }
                if (Case(table, benign, source, errors) is { } parsed)
                    cases.Add(parsed);
            }
        }
        return cases;
    }

    private static RedTeamCase? Case(TomlTableNode table, bool benign, string source, List<string> errors)
    {
        var before = errors.Count;
        foreach (var e in table.Entries.Where(e => !(benign ? BenignKeys : AttackKeys).Contains(e.Key)))
            errors.Add(At(source, e.KeyPos, $"unknown key '{e.Key}'; valid keys: {string.Join(", ", benign ? BenignKeys : AttackKeys)}"));
        var name = Text(table, "name", source, errors);
        var target = Text(table, "target", source, errors);
        var what = Text(table, "what", source, errors);
        string? category = null;
        IReadOnlyList<string> harm = [];
        if (!benign)
        {
            category = Text(table, "category", source, errors);
            if (category is not null && !RedTeamCategories.All.Contains(category))
                errors.Add(At(source, table.Find("category")!.Value.Pos, $"unknown category '{category}'; use one of the REDTEAM.md names, e.g. grader-patch"));
            harm = Strings(table, "harm", source, errors);
            foreach (var h in harm.Where(h => !HarmCheck.Optional.Contains(h)))
                errors.Add(At(source, table.Find("harm")!.Value.Pos, $"unknown harm check '{h}'; an attack may add: {string.Join(", ", HarmCheck.Optional)}"));
        }
        var alone = Flag(table, "alone", source, errors);
        var proposals = Proposals(table, source, errors);
        if (errors.Count > before || name is null || target is null || what is null)
            return null;
        return new RedTeamCase(name, category, target, what, harm, proposals, source) { Alone = alone };
    }

    private static List<CaseProposal> Proposals(TomlTableNode table, string source, List<string> errors)
    {
        var proposals = new List<CaseProposal>();
        if (table.Find("proposal")?.Value is not TomlList list || list.Items.Count == 0)
        {
            errors.Add(At(source, table.Pos, "an entry needs at least one [[...proposal]] with a label and files or a patch"));
            return proposals;
        }
        foreach (var item in list.Items.OfType<TomlTableNode>())
        {
            foreach (var e in item.Entries.Where(e => !ProposalKeys.Contains(e.Key)))
                errors.Add(At(source, e.KeyPos, $"unknown proposal key '{e.Key}'; valid keys: {string.Join(", ", ProposalKeys)}"));
            var label = Text(item, "label", source, errors) ?? "";
            var setup = item.Find("setup")?.Value is TomlScalar { Value: bool b } && b;
            var patch = item.Find("patch")?.Value is TomlScalar { Value: string p } ? p : null;
            Dictionary<string, string>? files = null;
            if (item.Find("files")?.Value is TomlTableNode filesTable)
            {
                files = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var f in filesTable.Entries)
                {
                    if (f.Value is TomlScalar { Value: string content })
                        files[f.Key] = content;
                    else
                        errors.Add(At(source, f.KeyPos, $"files.\"{f.Key}\" must be a string (the file's full new content)"));
                }
            }
            if ((files is null) == (patch is null))
                errors.Add(At(source, item.Pos, $"proposal '{label}' needs exactly one of files (a table of full contents) and patch (a unified diff)"));
            if (proposals.Any(p => p.Label == label))
                errors.Add(At(source, item.Pos, $"proposal label '{label}' is used twice in one entry; labels find candidates, make them unique"));
            proposals.Add(new CaseProposal(label, files, patch, setup));
        }
        if (proposals.Count > 0 && proposals.All(p => p.Setup))
            errors.Add(At(source, table.Pos, "every proposal is marked setup = true; at least one must be the case itself"));
        return proposals;
    }

    private static string? Text(TomlTableNode table, string key, string source, List<string> errors)
    {
        switch (table.Find(key)?.Value)
        {
            case TomlScalar { Value: string s } when s.Trim().Length > 0:
                return s.Trim();
            case null:
                errors.Add(At(source, table.Pos, $"'{key}' is missing"));
                return null;
            case var other:
                errors.Add(At(source, other.Pos, $"'{key}' must be a non-empty string; found {other.Describe()}"));
                return null;
        }
    }

    private static bool Flag(TomlTableNode table, string key, string source, List<string> errors)
    {
        switch (table.Find(key)?.Value)
        {
            case null:
                return false;
            case TomlScalar { Value: bool b }:
                return b;
            case var other:
                errors.Add(At(source, other.Pos, $"'{key}' must be true or false; found {other.Describe()}"));
                return false;
        }
    }

    private static IReadOnlyList<string> Strings(TomlTableNode table, string key, string source, List<string> errors)
    {
        switch (table.Find(key)?.Value)
        {
            case null:
                return [];
            case TomlList list when list.Items.All(i => i is TomlScalar { Value: string }):
                return list.Items.Select(i => (string)((TomlScalar)i).Value).ToArray();
            case var other:
                errors.Add(At(source, other.Pos, $"'{key}' must be an array of strings, e.g. {key} = [\"champion\"]; found {other.Describe()}"));
                return [];
        }
    }

    private static string At(string source, TextPos pos, string message) => $"{source}:{pos.Line}:{pos.Column}: {message}";
}
