using System.Text;
using System.Text.RegularExpressions;

namespace Ratchet.Tasks;

/// <summary>The task <c>ratchet init &lt;dir&gt;</c> writes: a small cubic-fitting problem in plain Python (standard
/// library only, so it runs on Debian's <c>/usr/bin/python3</c> inside the sandbox) that uses every table of
/// <c>ratchet.toml</c>.</summary>
public static partial class TaskTemplate
{
    /// <summary>Writes the template into <paramref name="directory"/> (created when missing). Refuses, writing
    /// nothing, when any of its files already exists.</summary>
    public static TaskTemplateResult Write(string directory)
    {
        var root = Path.GetFullPath(directory);
        var files = Files(NameFor(root));
        var existing = files.Keys.Where(p => File.Exists(Path.Combine(root, p)) || Directory.Exists(Path.Combine(root, p))).ToArray();
        if (existing.Contains(TaskLoader.FileName))
        {
            var path = Path.Combine(root, TaskLoader.FileName);
            return Refuse(TaskTemplateErrorKind.AlreadyExists, [path],
                $"{path} already exists; ratchet init never overwrites a task: choose a new folder, or delete the file to start over");
        }
        if (existing.Length > 0)
        {
            var paths = existing.Select(p => Path.Combine(root, p)).ToArray();
            return Refuse(TaskTemplateErrorKind.AlreadyExists, paths,
                $"{string.Join(", ", existing)} already exist{(existing.Length == 1 ? "s" : "")} in {root}; ratchet init never overwrites files: choose a new or empty folder");
        }

        var written = new List<string>();
        try
        {
            foreach (var (relative, text) in files)
            {
                var path = Path.Combine(root, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                stream.Write(Encoding.UTF8.GetBytes(text));
                written.Add(path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Refuse(TaskTemplateErrorKind.CannotWrite, [root], $"cannot write the task into {root}: {e.Message}");
        }
        return TaskTemplateResult.Success(written);
    }

    /// <summary>The folder's name when it is a valid task name (e.g. <c>my-task</c>), otherwise <c>poly-fit</c>.</summary>
    public static string NameFor(string directory)
    {
        var name = Regex.Replace(Path.GetFileName(Path.TrimEndingDirectorySeparator(directory)), "[^A-Za-z0-9._-]+", "-").Trim('-', '.', '_');
        if (name.Length > 64)
            name = name[..64];
        return Regex.IsMatch(name, "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$") ? name : "poly-fit";
    }

    private static TaskTemplateResult Refuse(TaskTemplateErrorKind kind, IReadOnlyList<string> paths, string message) =>
        TaskTemplateResult.Failure(new TaskTemplateError(kind, paths, message));
}
