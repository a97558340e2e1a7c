using Ratchet.Proposers.Builtin.Operators;
using Ratchet.Proposers.Builtin.Text;
using Ratchet.Tasks;

namespace Ratchet.Proposers.Builtin.Checks;

/// <summary>The gate every built-in mutation passes before it is proposed: something changed, nothing changed outside
/// the evolve regions, and no file has more syntax errors than its parent's version.</summary>
internal static class CandidateCheck
{
    /// <summary>The child program, or the reason it must not be proposed.</summary>
    public static (ProgramSnapshot? Child, string? Problem) Check(ProgramView parent, Mutation mutation)
    {
        var child = parent.Program;
        foreach (var (path, text) in mutation.Changed)
        {
            if (!parent.Program.Files.TryGetValue(path, out var before))
                return (null, $"{path} is not a program file");
            if (before == text)
                continue;
            if (EvolveRegions.Parse(before).CheckChange(text) is { } outside)
                return (null, $"{path}: {outside}");
            var original = parent.Files.First(f => f.Path == path);
            if (SyntaxCheck.Compare(original, SourceFile.Parse(path, text)) is { } syntax)
                return (null, syntax);
            child = child.With(path, text);
        }
        return child.Id == parent.Id ? (null, "no change") : (child, null);
    }
}
