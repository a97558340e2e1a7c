namespace Ratchet.Proposers.Builtin.Operators;

/// <summary>One operator's result: new contents for the files it changed, a label and facts for the ledger.</summary>
internal sealed record Mutation(MutationKind Kind, IReadOnlyDictionary<string, string> Changed, string Label, IReadOnlyDictionary<string, string> Meta)
{
    public static Mutation Single(MutationKind kind, string path, string text, string label, params (string Key, string Value)[] meta) =>
        new(kind, new Dictionary<string, string>(StringComparer.Ordinal) { [path] = text }, label,
            meta.ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal));
}
