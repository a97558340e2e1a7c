using Ratchet.Common;
using Ratchet.Tasks.Toml;

namespace Ratchet.Tasks;

/// <summary>What a path in <c>ratchet.toml</c> is for; decides which checks apply.</summary>
internal enum PathRole
{
    /// <summary>A <c>[program] files</c> entry: a regular file reached without any symlink.</summary>
    Program,
    /// <summary>A phase input or a sealed source: a regular file inside the task folder (links inside are fine).</summary>
    File,
    /// <summary>A holdout key: a path inside the sandbox, never looked up in the task folder.</summary>
    Visible,
}

/// <summary>How a path fared in <see cref="TaskPathRules"/>.</summary>
internal enum PathState
{
    Ok,
    /// <summary>A valid name whose file is missing or not a regular file inside the folder.</summary>
    Unusable,
    /// <summary>Not a valid task-relative name (absolute, '..', reserved, ...).</summary>
    Invalid,
}

/// <summary>A path to check, with how messages name it (e.g. <c>'data/x.json' in [run] inputs</c>).</summary>
internal readonly record struct PathItem(Located<string> Path, string Subject, PathRole Role);

/// <summary>The file-system rules of a task: every named path is canonical, task-relative, not reserved,
/// exists as a regular file inside the folder, and the roles do not overlap in ways that leak.</summary>
internal sealed partial class TaskPathRules(string root, List<TaskError> errors)
{
    private const string File = TaskLoader.FileName;
    private readonly string? _realRoot = UnixFiles.RealPath(root);

    /// <summary>Checks one path: <see cref="PathState.Invalid"/> when it is not a usable name at all (it then takes no
    /// part in the cross-role rules), <see cref="PathState.Unusable"/> when the name is fine but the file is not.</summary>
    private PathState CheckPath(PathItem item)
    {
        var (path, pos) = item.Path;
        if (RelativePath.Problem(path) is { } problem)
        {
            var example = item.Role == PathRole.Program ? "program.py" : "data/x.json";
            Error(pos, problem.Contains("write it as", StringComparison.Ordinal)
                ? $"{item.Subject} {problem}"
                : $"{item.Subject} {problem}; give a path relative to the task folder, e.g. {example}");
            return PathState.Invalid;
        }
        if (Reserved(path, item.Role) is { } reserved)
        {
            Error(pos, $"{item.Subject} {reserved}");
            return PathState.Invalid;
        }
        if (item.Role == PathRole.Visible)
            return PathState.Ok;
        if (Inspect(path, item.Role) is { } wrong)
        {
            Error(pos, $"{item.Subject} {wrong}");
            return PathState.Unusable;
        }
        return PathState.Ok;
    }

    private static string? Reserved(string path, PathRole role)
    {
        if (RelativePath.IsUnder(path, ".ratchet"))
            return "is inside .ratchet/, Ratchet's own state (store and ledger), which a task may never name";
        if (path == "policy.toml")
            return "is the oversight policy, which a task may never name: it stays out of the improver's reach";
        if (path == TaskLoader.FileName && role == PathRole.Program)
            return "is the task file itself; a proposer may never change it";
        return null;
    }

    /// <summary>Why the path is not a usable regular file inside the task folder, or null.</summary>
    private string? Inspect(string path, PathRole role)
    {
        var full = Path.Combine(root, path);
        var real = UnixFiles.RealPath(full);
        if (real is null)
        {
            var isLink = UnixFiles.TryStat(full, out var stamp) && stamp.Kind == FileKind.Symlink;
            return isLink
                ? "is a symlink to a file that does not exist; point it at a file inside the task folder"
                : "does not exist in the task folder; create it or fix the path";
        }
        if (_realRoot is null || !RelativePath.IsUnder(real, _realRoot))
            return $"leads outside the task folder through a symlink (to '{real}'); copy the file into the task folder instead";
        if (Directory.Exists(real))
            return "is a folder; list the files in it one by one, e.g. 'data/x.json'";
        if (UnixFiles.TryStat(real, out var target) && target.Kind != FileKind.Regular)
            return "is not a regular file (a pipe, socket or device)";
        if (role == PathRole.Program && real != Path.Combine(_realRoot, path))
            return "is a symlink or lies under one; a program file must be a regular file in the task folder, because accepted proposals are written to it";
        return null;
    }

    private void Error(TextPos pos, string message) => errors.Add(new TaskError(File, pos.Line, pos.Column, message));
}
