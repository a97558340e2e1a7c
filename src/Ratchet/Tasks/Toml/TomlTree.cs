using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace Ratchet.Tasks.Toml;

/// <summary>Parses TOML with Tomlyn's lossless syntax tree (which keeps a span on every key, value and array
/// item) and folds it into <see cref="TomlTableNode"/>s, so every later error can point at a line and column.</summary>
internal static class TomlTree
{
    /// <summary>The document's root table, or null after adding the errors that make it unreadable.</summary>
    public static TomlTableNode? Parse(string text, string fileName, List<TaskError> errors)
    {
        // Syntax errors cascade (one unclosed string makes every later line wrong), so only the first is
        // reported; semantic errors (a key defined twice) are independent, so all of them are.
        var syntax = SyntaxParser.Parse(text, fileName, validate: false);
        if (syntax.HasErrors)
        {
            var first = syntax.Diagnostics.Where(d => d.Kind == DiagnosticMessageKind.Error)
                .OrderBy(d => d.Span.Start.Line).ThenBy(d => d.Span.Start.Column).First();
            errors.Add(ErrorAt(fileName, first, $"TOML syntax error: {Clean(first.Message)}; fix it and check again (the rest of the file was not read)"));
            return null;
        }
        var document = SyntaxParser.Parse(text, fileName, validate: true);
        if (document.HasErrors)
        {
            foreach (var d in document.Diagnostics.Where(d => d.Kind == DiagnosticMessageKind.Error))
                errors.Add(ErrorAt(fileName, d, $"invalid TOML: {Clean(d.Message)}"));
            return null;
        }
        return Build(document);
    }

    private static TomlTableNode Build(DocumentSyntax document)
    {
        var root = new TomlTableNode(new TextPos(1, 1), TableStyle.Root);
        foreach (var kv in document.KeyValues)
            Add(root, kv);
        foreach (var table in document.Tables)
        {
            var path = Segments(table.Name!);
            var headerPos = PosOf(table.OpenBracket ?? (SyntaxNodeBase)table.Name!);
            TomlTableNode target;
            if (table is TableArraySyntax)
            {
                var parent = Navigate(root, path[..^1]);
                var (name, namePos) = path[^1];
                if (parent.Find(name)?.Value is not TomlList list)
                {
                    list = new TomlList(headerPos);
                    parent.Entries.Add(new TomlEntry(name, namePos, list));
                }
                target = new TomlTableNode(headerPos, TableStyle.ArrayElement);
                list.Items.Add(target);
            }
            else
            {
                target = Navigate(root, path);
                target.Pos = headerPos;
                target.Style = TableStyle.Header;
            }
            foreach (var kv in table.Items)
                Add(target, kv);
        }
        return root;
    }

    private static void Add(TomlTableNode table, KeyValueSyntax kv)
    {
        var path = Segments(kv.Key!);
        var parent = Navigate(table, path[..^1]);
        var (name, pos) = path[^1];
        parent.Entries.Add(new TomlEntry(name, pos, Convert(kv.Value!)));
    }

    // Walks (and creates) the tables named by a dotted path; [a.b] after [[a]] lands in a's last element.
    private static TomlTableNode Navigate(TomlTableNode table, IEnumerable<(string Name, TextPos Pos)> path)
    {
        var current = table;
        foreach (var (name, pos) in path)
        {
            var entry = current.Find(name);
            switch (entry?.Value)
            {
                case TomlTableNode next:
                    current = next;
                    break;
                case TomlList { Items.Count: > 0 } list when list.Items[^1] is TomlTableNode last:
                    current = last;
                    break;
                default:
                    var created = new TomlTableNode(pos, TableStyle.Implicit);
                    current.Entries.Add(new TomlEntry(name, pos, created));
                    current = created;
                    break;
            }
        }
        return current;
    }

    private static TomlNode Convert(ValueSyntax value)
    {
        var pos = PosOf(value);
        switch (value)
        {
            case StringValueSyntax s:
                return new TomlScalar(s.Value ?? "", pos);
            case IntegerValueSyntax i:
                return new TomlScalar(i.Value, pos);
            case FloatValueSyntax f:
                return new TomlScalar(f.Value, pos);
            case BooleanValueSyntax b:
                return new TomlScalar(b.Value, pos);
            case DateTimeValueSyntax d:
                return new TomlScalar(d.Value, pos);
            case ArraySyntax a:
                var list = new TomlList(pos);
                foreach (var item in a.Items)
                    list.Items.Add(Convert(item.Value!));
                return list;
            case InlineTableSyntax t:
                var table = new TomlTableNode(pos, TableStyle.Inline);
                foreach (var item in t.Items)
                    Add(table, item.KeyValue!);
                return table;
            default:
                throw new InvalidOperationException($"unexpected TOML value node {value.GetType().Name}");
        }
    }

    private static List<(string Name, TextPos Pos)> Segments(KeySyntax key)
    {
        var parts = new List<(string, TextPos)> { (Name(key.Key!), PosOf(key.Key!)) };
        foreach (var dotted in key.DotKeys)
            parts.Add((Name(dotted.Key!), PosOf(dotted.Key!)));
        return parts;
    }

    private static string Name(BareKeyOrStringValueSyntax key) => key switch
    {
        BareKeySyntax bare => bare.Key!.Text ?? "",
        StringValueSyntax quoted => quoted.Value ?? "",
        _ => key.ToString() ?? "",
    };

    private static TextPos PosOf(SyntaxNodeBase node) => new(node.Span.Start.Line + 1, node.Span.Start.Column + 1);

    private static TaskError ErrorAt(string fileName, DiagnosticMessage d, string message) =>
        new(fileName, d.Span.Start.Line + 1, d.Span.Start.Column + 1, message);

    private static string Clean(string message) => message.Trim().TrimEnd('.');
}
