using Ratchet.Common;

namespace Ratchet.Tasks;

/// <summary>Decides, before anything runs, whether a proposal only changes what a proposer may change: the
/// <c>[program]</c> files, and inside them only their evolve blocks.</summary>
public static class ProposalCheck
{
    /// <summary>Null when the proposal may run; otherwise the first reason to reject it, the most serious kind
    /// first (a reserved path before a protected file before an evolve-block change), paths in ordinal order.</summary>
    /// <param name="files">New full texts by path (files not named keep the parent's text).</param>
    /// <param name="deleted">Paths the proposal deletes.</param>
    public static ProposalRejection? Check(TaskSpec task, ProgramSnapshot parent, IReadOnlyDictionary<string, string> files, IReadOnlyCollection<string>? deleted = null)
    {
        deleted ??= [];
        var named = files.Keys.Concat(deleted).Distinct().Order(StringComparer.Ordinal).ToArray();
        var program = task.Program.Files.ToHashSet(StringComparer.Ordinal);
        var allowed = string.Join(", ", task.Program.Files);
        return named.Select(p => Reserved(task, p)).FirstOrDefault(r => r is not null)
            ?? named.Select(p => Outside(task, p, allowed)).FirstOrDefault(r => r is not null)
            ?? named.Where(p => !program.Contains(p)).Select(p => NotProgram(task, p, deleted.Contains(p), program, allowed)).FirstOrDefault()
            ?? deleted.Where(program.Contains).Order(StringComparer.Ordinal).Select(ProgramDeleted).FirstOrDefault()
            ?? files.Where(f => program.Contains(f.Key)).OrderBy(f => f.Key, StringComparer.Ordinal)
                .Select(f => OutsideBlocks(parent, f.Key, f.Value)).FirstOrDefault(r => r is not null);
    }

    /// <summary>Checks the outcome of <see cref="UnifiedDiff.Apply"/>.</summary>
    public static ProposalRejection? Check(TaskSpec task, ProgramSnapshot parent, PatchApplied patch) =>
        Check(task, parent, patch.Files, patch.Deleted);

    /// <summary>The path relative to the task folder, lexically normalised; null when it lies outside.</summary>
    private static string? Relative(TaskSpec task, string path)
    {
        var normal = RelativePath.Normalize(path);
        if (Path.IsPathRooted(normal))
            normal = Path.GetRelativePath(task.Root, normal).Replace('\\', '/');
        return normal.Length == 0 || normal.StartsWith('~') || RelativePath.IsUnder(normal, "..") || Path.IsPathRooted(normal) ? null : normal;
    }

    private static ProposalRejection? Reserved(TaskSpec task, string path) =>
        Relative(task, path) is { } rel && (rel == "policy.toml" || RelativePath.IsUnder(rel, ".ratchet"))
            ? new(ProposalRejectionKind.ReservedPath, path, $"proposal names '{path}', which is reserved: policy.toml and .ratchet/ are never writable by a proposal")
            : null;

    private static ProposalRejection? Outside(TaskSpec task, string path, string allowed) =>
        path.Length == 0 || Relative(task, path) is null
            ? new(ProposalRejectionKind.OutsideTask, path, $"proposal names '{path}', which is outside the task folder: only [program] files ({allowed}) may change")
            : null;

    private static ProposalRejection NotProgram(TaskSpec task, string path, bool deleted, HashSet<string> program, string allowed)
    {
        var rel = Relative(task, path)!;
        if (program.Contains(rel))
            return new(ProposalRejectionKind.NonCanonicalPath, path, $"proposal names '{path}'; write the program file's path exactly as in [program] files: '{rel}'");
        var full = task.PathOf(rel);
        var exists = File.Exists(full) || Directory.Exists(full) || new FileInfo(full).LinkTarget is not null;
        return deleted || exists
            ? new(ProposalRejectionKind.ProtectedFile, path, $"proposal {(deleted ? "deletes" : "changes")} '{path}', which is protected: only [program] files ({allowed}) may change")
            : new(ProposalRejectionKind.NewFile, path, $"proposal adds '{path}', which is not a [program] file: only [program] files ({allowed}) may change");
    }

    private static ProposalRejection ProgramDeleted(string path) =>
        new(ProposalRejectionKind.ProgramFileDeleted, path, $"proposal deletes '{path}', a [program] file; program files may change but never disappear");

    private static ProposalRejection? OutsideBlocks(ProgramSnapshot parent, string path, string text)
    {
        if (!parent.Files.TryGetValue(path, out var before) || before == text)
            return null;
        if (!EvolveRegions.TryParse(before, out var regions, out var broken))
            return new(ProposalRejectionKind.OutsideEvolveBlocks, path, $"the parent's '{path}' has broken evolve markers ({broken}); it cannot be changed safely");
        return regions.CheckChange(text, out var line) is { } reason
            ? new(ProposalRejectionKind.OutsideEvolveBlocks, path, $"proposal changes '{path}' outside its evolve blocks: {reason}; only the lines between {EvolveRegions.StartMarker} and {EvolveRegions.EndMarker} may change", line > 0 ? line : null)
            : null;
    }
}
