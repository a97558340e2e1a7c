namespace Ratchet.Oversight;

/// <summary>Finds strings (and shell words) that name the task's protected files: the trusted scorer's or evaluator's
/// scripts and inputs, or the sealed holdout files. A candidate has no business naming them; the names come from the task.</summary>
internal sealed class ProtectedNameDetector(bool sealedFiles) : IRuleDetector
{
    public IEnumerable<(Token At, string? Detail)> Find(SourceFile file, RuleContext context)
    {
        if (context.Task is null)
            yield break;
        var names = Names(context.Task);
        if (names.Count == 0)
            yield break;
        foreach (var token in file.Tokens.Where(t => t.IsText))
        {
            var text = token.Text.Trim().Replace('\\', '/');
            while (text.StartsWith("./", StringComparison.Ordinal))
                text = text[2..];
            if (text.Length == 0)
                continue;
            foreach (var (path, fileName) in names)
            {
                if (text == path || text.EndsWith("/" + path, StringComparison.Ordinal) || (fileName is not null && Path.GetFileName(text) == fileName))
                {
                    yield return (token, $"names {(sealedFiles ? "sealed holdout file" : "scorer file")} '{path}'");
                    break;
                }
            }
        }
    }

    // (task-relative path, file name when it is distinctive enough to match on its own).
    private List<(string Path, string? FileName)> Names(Tasks.TaskSpec task)
    {
        var program = task.Program.Files.Select(Normalise).ToHashSet(StringComparer.Ordinal);
        var candidateVisible = new HashSet<string>(program, StringComparer.Ordinal);
        foreach (var input in (task.Run?.Inputs ?? []).Concat(task.Holdout?.Inputs.Keys ?? []))
            candidateVisible.Add(Normalise(input));
        var visibleNames = candidateVisible.Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);

        IEnumerable<string> paths = sealedFiles
            ? (task.Holdout?.Inputs.Values ?? []).Concat(task.Holdout?.ScoreInputs.Values ?? [])
            : Files(task.Score?.Command).Concat(task.Score?.Inputs ?? []).Concat(Files(task.Evaluate?.Command))
                .Concat(task.Evaluate?.Inputs ?? []).Concat(task.Holdout?.ScoreInputs.Keys ?? []);
        return paths.Select(Normalise)
            .Where(p => p.Length > 0 && !candidateVisible.Contains(p))
            .Distinct(StringComparer.Ordinal)
            .Select(p =>
            {
                var name = Path.GetFileName(p);
                var distinctive = name.Length >= 4 && name.Contains('.') && !visibleNames.Contains(name);
                return (p, distinctive ? name : null);
            })
            .ToList();
    }

    private static IEnumerable<string> Files(IReadOnlyList<string>? command) =>
        (command ?? []).Skip(1).Where(a => !a.StartsWith('-') && (a.Contains('.') || a.Contains('/')) && !a.Contains('$'));

    private static string Normalise(string path)
    {
        var p = path.Trim().Replace('\\', '/');
        while (p.StartsWith("./", StringComparison.Ordinal))
            p = p[2..];
        return p;
    }
}
