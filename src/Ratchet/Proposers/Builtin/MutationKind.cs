namespace Ratchet.Proposers.Builtin;

/// <summary>The built-in operators; their wire names are what <see cref="Proposal.Operator"/> records.</summary>
internal enum MutationKind
{
    Literal,
    Cma,
    LineDelete,
    LineDuplicate,
    LineSwap,
    LineMove,
    OperatorSwap,
    BooleanFlip,
    Crossover,
}

/// <summary>Wire names of <see cref="MutationKind"/>.</summary>
internal static class MutationKinds
{
    private static readonly string[] Names =
        ["literal", "cma", "line-delete", "line-duplicate", "line-swap", "line-move", "operator-swap", "boolean-flip", "crossover"];

    public static IReadOnlyList<MutationKind> All { get; } = Enum.GetValues<MutationKind>();

    public static string ToWire(this MutationKind kind) => Names[(int)kind];

    public static bool TryParse(string name, out MutationKind kind)
    {
        var index = Array.IndexOf(Names, name);
        kind = index < 0 ? default : (MutationKind)index;
        return index >= 0;
    }
}
