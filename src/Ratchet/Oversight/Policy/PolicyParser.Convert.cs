using Ratchet.Common;
using Tomlyn.Syntax;

namespace Ratchet.Oversight;

internal static partial class PolicyParser
{
    // Returns the typed value, or a message naming the fix and (for array elements) where it applies.
    private static (object? Value, string? Problem, TextPosition? Where) Convert(PolicyKey key, ValueSyntax value)
    {
        if (key.CanBeOff && value is BooleanValueSyntax { Value: false })
            return (null, null, null);
        return key.Kind switch
        {
            PolicyKind.Bool => value is BooleanValueSyntax b ? (b.Value, null, null) : (null, WrongType(key, value), null),
            PolicyKind.Integer => Integer(key, value),
            PolicyKind.Number => Number(key, value),
            PolicyKind.Choice => Choice(key, value),
            PolicyKind.RuleList => RuleList(key, value),
            PolicyKind.IntegerPair => Pair(key, value),
            _ => throw new InvalidOperationException(key.Kind.ToString()),
        };
    }

    private static (object?, string?, TextPosition?) Integer(PolicyKey key, ValueSyntax value)
    {
        if (value is FloatValueSyntax f && double.IsFinite(f.Value) && Math.Floor(f.Value) == f.Value)
            return (null, $"{Label(key)} must be a whole number; found a float ({PolicyFormat.Number(f.Value)}). Write it without the fraction, e.g. {key.Name} = {key.Example}.", null);
        if (value is not IntegerValueSyntax i)
            return (null, WrongType(key, value), null);
        return i.Value < key.Min || i.Value > key.Max ? (null, OutOfRange(key, i.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)), null) : (i.Value, null, null);
    }

    private static (object?, string?, TextPosition?) Number(PolicyKey key, ValueSyntax value)
    {
        double number;
        if (value is IntegerValueSyntax i)
            number = i.Value;
        else if (value is FloatValueSyntax f)
            number = f.Value;
        else
            return (null, WrongType(key, value), null);
        if (!double.IsFinite(number) || number < key.Min || number > key.Max)
            return (null, OutOfRange(key, double.IsNaN(number) ? "nan" : double.IsInfinity(number) ? (number > 0 ? "inf" : "-inf") : PolicyFormat.Number(number)), null);
        return (number, null, null);
    }

    private static (object?, string?, TextPosition?) Choice(PolicyKey key, ValueSyntax value)
    {
        if (value is not StringValueSyntax { Value: { } text })
            return (null, WrongType(key, value), null);
        if (key.Choices!.Contains(text))
            return (text, null, null);
        return (null, $"{Label(key)} must be {key.Expectation}; found \"{text}\". Did you mean \"{NearestName.Closest(text, key.Choices!)}\"?", null);
    }

    private static (object?, string?, TextPosition?) RuleList(PolicyKey key, ValueSyntax value)
    {
        if (value is not ArraySyntax array)
            return (null, WrongType(key, value), null);
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var item in array.Items)
        {
            if (item.Value is not StringValueSyntax { Value: { } id })
                return (null, $"{Label(key)} must be {key.Expectation}; found {Describe(item.Value)} in the array. Write each rule id as a string, e.g. {key.Name} = {key.Example}.", item.Value?.Span.Start);
            if (!StaticRuleCatalog.ById.ContainsKey(id))
                return (null, $"{Label(key)} names unknown rule '{id}'; did you mean '{NearestName.Closest(id, StaticRuleCatalog.ById.Keys.Order(StringComparer.Ordinal))}'? List the rules with `ratchet policy rules`.", item.Value.Span.Start);
            ids.Add(id);
        }
        return (ids.ToArray(), null, null);
    }

    private static (object?, string?, TextPosition?) Pair(PolicyKey key, ValueSyntax value)
    {
        if (value is not ArraySyntax array || array.Items.ChildrenCount != 2
            || array.Items.GetChild(0)?.Value is not IntegerValueSyntax count
            || array.Items.GetChild(1)?.Value is not IntegerValueSyntax per)
            return (null, WrongType(key, value), null);
        if (count.Value < key.Min || per.Value < key.Min || count.Value > key.Max || per.Value > key.Max)
            return (null, OutOfRange(key, $"[{count.Value}, {per.Value}]"), null);
        if (count.Value > per.Value)
            return (null, $"{Label(key)} = [{count.Value}, {per.Value}] allows more promotions ({count.Value}) than evaluations ({per.Value}). Write count no larger than per, e.g. {key.Name} = {key.Example}.", null);
        return (new[] { count.Value, per.Value }, null, null);
    }

    private static string WrongType(PolicyKey key, ValueSyntax value)
    {
        var fix = value switch
        {
            StringValueSyntax s when key.Kind is PolicyKind.Number or PolicyKind.Integer && double.TryParse(s.Value, System.Globalization.CultureInfo.InvariantCulture, out _)
                => $"Write it without quotes, e.g. {key.Name} = {key.Example}.",
            StringValueSyntax s when key.Kind is PolicyKind.Bool && s.Value is "true" or "false"
                => $"Write it without quotes, e.g. {key.Name} = {s.Value}.",
            BooleanValueSyntax { Value: true } when key.CanBeOff
                => $"Write a value to switch it on (e.g. {key.Name} = {key.Example}) or false to switch it off.",
            BooleanValueSyntax { Value: false } when !key.CanBeOff
                => $"This rule cannot be switched off; write e.g. {key.Name} = {key.Example}.",
            _ => $"Write e.g. {key.Name} = {key.Example}.",
        };
        return $"{Label(key)} must be {key.Expectation}; found {Describe(value)}. {fix}";
    }

    private static string OutOfRange(PolicyKey key, string found) =>
        $"{Label(key)} = {found} is out of range: it must be {key.Expectation}. Write e.g. {key.Name} = {key.Example}.";

    private static string Label(PolicyKey key) => $"[{key.Section}] {key.Name}";

    private static string Describe(ValueSyntax? value) => value switch
    {
        StringValueSyntax s => $"a string (\"{s.Value}\")",
        IntegerValueSyntax i => $"an integer ({i.Value})",
        FloatValueSyntax f => $"a float ({PolicyFormat.Number(f.Value)})",
        BooleanValueSyntax b => b.Value ? "true" : "false",
        ArraySyntax => "an array",
        InlineTableSyntax => "an inline table",
        DateTimeValueSyntax => "a date-time",
        _ => "no readable value",
    };
}
