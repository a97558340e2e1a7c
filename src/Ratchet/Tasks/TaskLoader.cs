using System.Text;
using System.Text.RegularExpressions;
using Ratchet.Tasks.Toml;

namespace Ratchet.Tasks;

/// <summary>Loads and validates a task folder's <c>ratchet.toml</c>; every mistake is reported at once.</summary>
public static class TaskLoader
{
    /// <summary>The task file's name inside a task folder.</summary>
    public const string FileName = "ratchet.toml";

    /// <summary>Largest <c>ratchet.toml</c> accepted; a task file is a page, not data.</summary>
    public const int MaxFileBytes = 1 << 20;

    /// <summary>Reads <c>ratchet.toml</c> in <paramref name="taskDirectory"/> (or the file itself) and checks it and
    /// every file it names. Never throws for a user mistake.</summary>
    public static TaskLoadResult Load(string taskDirectory)
    {
        var shown = taskDirectory;
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(taskDirectory));
        if (Path.GetFileName(full) == FileName && File.Exists(full))
        {
            full = Path.GetDirectoryName(full)!;
            shown = Path.GetDirectoryName(taskDirectory) is { Length: > 0 } parent ? parent : ".";
        }
        if (!Directory.Exists(full))
            return Fail(shown, new TaskError(shown, null, null, $"the task folder does not exist; to create a new task there, run: ratchet init {ShellQuote(shown)}"));
        var tomlPath = Path.Combine(full, FileName);
        if (!File.Exists(tomlPath))
            return Fail(shown, new TaskError(shown, null, null, $"no {FileName} in this folder; to create a new task here, run: ratchet init {ShellQuote(shown)}"));

        var errors = new List<TaskError>();
        var text = ReadText(tomlPath, errors);
        var root = text is null ? null : TomlTree.Parse(text, FileName, errors);
        if (root is null)
            return TaskLoadResult.Failure(new TaskErrors(shown, errors));

        var raw = new TaskReader(errors).Read(root);
        new TaskPathRules(full, errors).Check(raw);
        if (errors.Count > 0)
            return TaskLoadResult.Failure(new TaskErrors(shown, errors));

        return TaskLoadResult.Success(new TaskSpec
        {
            Name = raw.Name!,
            Root = full,
            Program = new ProgramSpec(raw.ProgramFiles!.Select(f => f.Value).ToArray()),
            Run = Phase(raw.Run),
            Score = Phase(raw.Score),
            Evaluate = Phase(raw.Evaluate),
            Holdout = raw.Holdout is { } h ? new HoldoutSpec(Map(h.Inputs), Map(h.ScoreInputs)) : null,
            Objective = raw.Objective!,
            Budget = raw.Budget,
            Limits = raw.Limits,
            Build = raw.Build,
            Invariants = raw.Invariants.Select(i => new InvariantSpec(i.Name!, i.Command!, i.Inputs!.Select(x => x.Value).ToArray())).ToArray(),
        });
    }

    private static string? ReadText(string path, List<TaskError> errors)
    {
        try
        {
            var bytes = File.ReadAllBytes(path);
            if (bytes.Length > MaxFileBytes)
            {
                errors.Add(new TaskError(FileName, null, null, $"is {bytes.Length} bytes; a task file must be at most {MaxFileBytes} bytes (data belongs in files it names)"));
                return null;
            }
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            return text.StartsWith('\uFEFF') ? text[1..] : text;
        }
        catch (DecoderFallbackException)
        {
            errors.Add(new TaskError(FileName, null, null, "is not UTF-8 text; save it as UTF-8 (TOML requires it)"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add(new TaskError(FileName, null, null, $"cannot be read: {e.Message}"));
        }
        return null;
    }

    private static PhaseSpec? Phase(RawPhase? raw) =>
        raw is null ? null : new PhaseSpec(raw.Command!, raw.Inputs!.Select(i => i.Value).ToArray(), raw.Env!);

    private static IReadOnlyDictionary<string, string> Map(IReadOnlyList<(Located<string> Visible, Located<string> Source)>? entries) =>
        (entries ?? []).ToDictionary(e => e.Visible.Value, e => e.Source.Value, StringComparer.Ordinal);

    private static TaskLoadResult Fail(string shown, TaskError error) => TaskLoadResult.Failure(new TaskErrors(shown, [error]));

    private static string ShellQuote(string path) =>
        Regex.IsMatch(path, "^[A-Za-z0-9_./-]+$") ? path : "'" + path.Replace("'", "'\\''") + "'";
}
