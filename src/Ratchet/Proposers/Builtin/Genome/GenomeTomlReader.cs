using Ratchet.Common;
using Ratchet.Search;
using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace Ratchet.Proposers.Builtin.Genome;

/// <summary>Reads a genome from TOML, collecting every problem (syntax, unknown key, wrong type, out of range) with
/// its line before giving up.</summary>
internal sealed partial class GenomeTomlReader
{
    private readonly List<GenomeError> _errors = [];
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);
    private readonly List<FeatureDimension> _features = [];
    private ImproverGenome _genome = ImproverGenome.Default;

    public static GenomeParseResult Read(string toml, string source)
    {
        var document = SyntaxParser.Parse(toml, source, validate: true);
        if (document.HasErrors)
        {
            var syntax = document.Diagnostics
                .Where(d => d.Kind == DiagnosticMessageKind.Error)
                .Select(d => new GenomeError(d.Span.Start.Line + 1, "", $"invalid TOML: {d.Message}"))
                .ToArray();
            return GenomeParseResult.Failed(source, syntax);
        }
        var reader = new GenomeTomlReader();
        reader.ReadDocument(document);
        if (reader._features.Count > 0)
            reader._genome = reader._genome with { Archive = reader._genome.Archive with { Features = reader._features.ToArray() } };
        reader._errors.AddRange(GenomeSchema.Validate(reader._genome, reader._lines));
        var errors = reader._errors.OrderBy(e => e.Line ?? int.MaxValue).ToArray();
        return errors.Length == 0 ? new GenomeParseResult(source, reader._genome, []) : GenomeParseResult.Failed(source, errors);
    }

    private void ReadDocument(DocumentSyntax document)
    {
        foreach (var item in document.KeyValues)
            ReadKeyValue("", item);
        foreach (var table in document.Tables)
        {
            var name = KeyText(table.Name);
            var line = Line(table);
            if (table is TableArraySyntax && name == GenomeSchema.FeaturesPath)
            {
                ReadFeature(table, line);
                continue;
            }
            if (table is TableArraySyntax || name == GenomeSchema.FeaturesPath || !GenomeSchema.Tables.Contains(name) || name.Length == 0)
            {
                var expected = GenomeSchema.Tables.Where(t => t.Length > 0).Select(t => $"[{t}]").Append($"[[{GenomeSchema.FeaturesPath}]]");
                var written = table is TableArraySyntax ? $"[[{name}]]" : $"[{name}]";
                _errors.Add(new(line, name, $"unknown table {written}; did you mean {NearestName.Closest(written, expected)}?"));
                continue;
            }
            _lines.TryAdd(name, line);
            foreach (var item in table.Items)
                ReadKeyValue(name, item);
        }
    }

    private void ReadKeyValue(string table, KeyValueSyntax item)
    {
        var path = table.Length == 0 ? KeyText(item.Key) : $"{table}.{KeyText(item.Key)}";
        var line = Line(item);
        if (!_lines.TryAdd(path, line) && GenomeSchema.Find(path) is not null)
        {
            _errors.Add(new(line, path, $"set twice (first on line {_lines[path]}); keep one"));
            return;
        }
        if (path == GenomeSchema.FeaturesPath)
        {
            _errors.Add(new(line, path, "write feature dimensions as [[archive.features]] tables, one per dimension"));
            return;
        }
        if (GenomeSchema.Find(path) is not { } key)
        {
            var nearest = NearestName.Closest(path, GenomeSchema.Keys.Select(k => k.Path));
            _errors.Add(new(line, path, $"unknown key; did you mean '{nearest}'? (the genome holds search settings only)"));
            return;
        }
        if (Convert(key, item.Value, out var problem) is { } value)
            _genome = key.Set(_genome, value);
        else
            _errors.Add(new(line, path, problem!));
    }

    private static object? Convert(GenomeKey key, ValueSyntax? value, out string? problem)
    {
        problem = null;
        switch (key.Kind, value)
        {
            case (GenomeValueKind.Float, FloatValueSyntax f):
                return f.Value;
            case (GenomeValueKind.Float, IntegerValueSyntax i):
                return (double)i.Value;
            case (GenomeValueKind.Integer, IntegerValueSyntax i) when i.Value is >= int.MinValue and <= int.MaxValue:
                return (int)i.Value;
            case (GenomeValueKind.Integer, IntegerValueSyntax i):
                problem = $"{i.Value} is out of range; expected a whole number from {key.Min} to {key.Max}";
                return null;
            case (GenomeValueKind.Boolean, BooleanValueSyntax b):
                return b.Value;
            case (GenomeValueKind.Choice, StringValueSyntax s) when key.Choices!.Contains(s.Value):
                return s.Value;
            case (GenomeValueKind.Choice, StringValueSyntax s):
                problem = $"\"{s.Value}\" is not one of {string.Join(", ", key.Choices!.Select(c => $"\"{c}\""))}; did you mean \"{NearestName.Closest(s.Value ?? "", key.Choices!)}\"?";
                return null;
        }
        var example = GenomeTomlWriter.Write(ImproverGenome.Default, documented: false)
            .Split('\n').First(l => l.StartsWith(key.Name + " = ", StringComparison.Ordinal));
        problem = $"expected {Describe(key.Kind)} (e.g. {example}), found {Describe(value)}";
        return null;
    }

    private static string Describe(GenomeValueKind kind) => kind switch
    {
        GenomeValueKind.Float => "a number",
        GenomeValueKind.Integer => "a whole number",
        GenomeValueKind.Boolean => "true or false",
        _ => "a quoted choice",
    };

    private static string Describe(ValueSyntax? value) => value switch
    {
        FloatValueSyntax f => $"the number {GenomeTomlWriter.Number(f.Value)}",
        IntegerValueSyntax i => $"the whole number {i.Value}",
        BooleanValueSyntax b => b.Value ? "true" : "false",
        StringValueSyntax s => $"the string \"{s.Value}\"",
        ArraySyntax => "an array",
        InlineTableSyntax => "an inline table",
        DateTimeValueSyntax => "a date",
        _ => "nothing",
    };

    private static int Line(SyntaxNodeBase node) => node.Span.Start.Line + 1;

    private static string KeyText(KeySyntax? key)
    {
        if (key is null)
            return "";
        var parts = new List<string> { Part(key.Key) };
        foreach (var dotted in key.DotKeys)
            parts.Add(Part(dotted.Key));
        return string.Join('.', parts);
    }

    private static string Part(BareKeyOrStringValueSyntax? part) => part switch
    {
        BareKeySyntax bare => bare.Key?.Text ?? "",
        StringValueSyntax quoted => quoted.Value ?? "",
        _ => "",
    };
}
