using Ratchet.Proposers.Builtin.Text;
using Ratchet.Search;

namespace Ratchet.Proposers.Builtin.Operators;

/// <summary>Single-token edits: replace a binary operator by another of its group, or flip a boolean literal.</summary>
internal static class TokenEdit
{
    public static bool Applies(MutationKind kind, ProgramView program) =>
        program.Files.Any(f => (kind == MutationKind.OperatorSwap ? f.OperatorSites : f.BooleanSites).Count > 0);

    public static Mutation? Apply(MutationKind kind, ProgramView program, SearchRandom random)
    {
        var sites = program.Files
            .SelectMany(f => (kind == MutationKind.OperatorSwap ? f.OperatorSites : f.BooleanSites).Select(t => (File: f, Token: t)))
            .ToArray();
        if (sites.Length == 0)
            return null;
        var (file, index) = sites[random.Next(sites.Length)];
        var token = file.Tokens[index];
        var old = file.TextOf(token);
        var replacement = kind == MutationKind.OperatorSwap ? OtherOperator(file.Profile, old, random) : OtherBoolean(file.Profile, old);
        if (replacement is null)
            return null;
        var line = file.Text.AsSpan(0, token.Start).Count('\n') + 1;
        return Mutation.Single(kind, file.Path, file.Replace(token.Start, token.End, replacement),
            $"{kind.ToWire()} {file.Path}:{line}: {old} -> {replacement}", ("from", old), ("to", replacement));
    }

    private static string? OtherOperator(LanguageProfile profile, string op, SearchRandom random)
    {
        var group = profile.OperatorGroups.Concat(profile.WordOperatorGroups).FirstOrDefault(g => g.Contains(op));
        if (group is null || group.Count < 2)
            return null;
        var others = group.Where(o => o != op).ToArray();
        return others[random.Next(others.Length)];
    }

    private static string? OtherBoolean(LanguageProfile profile, string word)
    {
        foreach (var (a, b) in profile.Booleans)
        {
            if (word == a)
                return b;
            if (word == b)
                return a;
        }
        return null;
    }
}
