using System.Text;
using Ratchet.Tasks.Toml;

namespace Ratchet.Tasks;

internal sealed partial class TaskPathRules
{
    /// <summary>Runs every path rule on <paramref name="raw"/>, recording each violation.</summary>
    public void Check(RawTask raw)
    {
        var readable = new List<string>();
        var program = Checked(raw.ProgramFiles, "[program] files", PathRole.Program, readable);
        var run = Checked(raw.Run?.Inputs, "[run] inputs", PathRole.File);
        var score = Checked(raw.Score?.Inputs, "[score] inputs", PathRole.File);
        var evaluate = Checked(raw.Evaluate?.Inputs, "[evaluate] inputs", PathRole.File);

        foreach (var (title, inputs) in new[] { ("[run]", run), ("[evaluate]", evaluate) })
        {
            foreach (var (input, pos) in inputs.Where(i => program.ContainsKey(i.Key)))
                Error(pos, $"'{input}' is a [program] file, which the sandbox stages by itself; remove it from {title} inputs");
        }
        foreach (var (input, pos) in score.Where(i => program.ContainsKey(i.Key)))
        {
            Error(pos, $"'{input}' is a [program] file and cannot be a [score] input: the trusted scorer must never read the candidate's code (it sees the run's output instead); remove it from [score] inputs");
        }

        for (var i = 0; i < raw.Invariants.Count; i++)
        {
            var title = raw.Invariants[i].Name is { } name ? $"[[invariants]] '{name}' inputs" : $"[[invariants]] entry {i + 1} inputs";
            var inputs = Checked(raw.Invariants[i].Inputs, title, PathRole.File);
            foreach (var (input, pos) in inputs.Where(x => program.ContainsKey(x.Key)))
                Error(pos, $"'{input}' is a [program] file and cannot be an invariant input: invariants are trusted and judge the run's output, not the candidate's code; remove it");
        }

        if (raw.Holdout is { } holdout)
        {
            var visibleTitle = raw.EvaluateMode ? "[evaluate]" : "[run]";
            var visible = raw.EvaluateMode ? evaluate : run;
            CheckHoldout(holdout.Inputs, "inputs", visibleTitle, visible, program, run, score, evaluate, replaceOnly: true);
            if (!raw.EvaluateMode)
                CheckHoldout(holdout.ScoreInputs, "score_inputs", "[score]", score, program, run, score, evaluate, replaceOnly: false);
        }

        foreach (var path in readable)
            CheckProgramText(path);
    }

    /// <summary>Checks each path and the list for repeats; returns the validly named paths (usable or not, so one
    /// missing file does not cascade into role errors), and adds the usable ones to <paramref name="usable"/>.</summary>
    private Dictionary<string, TextPos> Checked(IReadOnlyList<Located<string>>? items, string title, PathRole role, List<string>? usable = null)
    {
        var named = new Dictionary<string, TextPos>(StringComparer.Ordinal);
        if (items is null)
            return named;
        TaskReader.NoDuplicates(errors, items, title);
        foreach (var item in items.DistinctBy(i => i.Value))
        {
            var state = CheckPath(new PathItem(item, $"'{item.Value}' in {title}", role));
            if (state != PathState.Invalid)
                named[item.Value] = item.Pos;
            if (state == PathState.Ok)
                usable?.Add(item.Value);
        }
        return named;
    }

    private void CheckHoldout(
        IReadOnlyList<(Located<string> Visible, Located<string> Source)>? entries,
        string key,
        string visibleTitle,
        Dictionary<string, TextPos> visible,
        Dictionary<string, TextPos> program,
        Dictionary<string, TextPos> run,
        Dictionary<string, TextPos> score,
        Dictionary<string, TextPos> evaluate,
        bool replaceOnly)
    {
        foreach (var (target, source) in entries ?? [])
        {
            if (CheckPath(new PathItem(target, $"'{target.Value}' in [holdout] {key}", PathRole.Visible)) == PathState.Ok)
                CheckTarget(target, key, visibleTitle, visible, program, replaceOnly);
            if (CheckPath(new PathItem(source, $"sealed source '{source.Value}' for '{target.Value}' in [holdout] {key}", PathRole.File)) == PathState.Invalid)
                continue;
            if (program.ContainsKey(source.Value))
                Error(source.Pos, $"sealed source '{source.Value}' is a [program] file; sealed files must stay out of the proposer's reach");
            foreach (var (title, inputs) in new[] { ("[run]", run), ("[score]", score), ("[evaluate]", evaluate) })
            {
                if (inputs.ContainsKey(source.Value))
                    Error(source.Pos, $"sealed source '{source.Value}' is also a {title} input, so every visible evaluation would see it; sealed files may only enter the holdout: remove it from {title} inputs");
            }
        }
    }

    private void CheckTarget(Located<string> target, string key, string visibleTitle, Dictionary<string, TextPos> visible, Dictionary<string, TextPos> program, bool replaceOnly)
    {
        var path = target.Value;
        if (visible.ContainsKey(path))
            return;
        if (replaceOnly && program.ContainsKey(path))
        {
            Error(target.Pos, $"'{path}' in [holdout] {key} is a [program] file; the holdout runs the candidate's own program, so it cannot be replaced");
        }
        else if (replaceOnly)
        {
            Error(target.Pos, $"'{path}' in [holdout] {key} is not one of the {visibleTitle} inputs; add a visible stand-in at '{path}' to {visibleTitle} inputs, so a holdout run looks exactly like a visible one (a path only the holdout has would let the candidate tell them apart)");
        }
        else if (visible.Keys.FirstOrDefault(v => Common.RelativePath.IsUnder(v, path) || Common.RelativePath.IsUnder(path, v)) is { } clash)
        {
            Error(target.Pos, $"'{path}' in [holdout] {key} clashes with {visibleTitle} input '{clash}' (a path cannot be both a file and a folder)");
        }
    }

    private void CheckProgramText(string path)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(System.IO.File.ReadAllBytes(Path.Combine(root, path)));
        }
        catch (DecoderFallbackException)
        {
            errors.Add(new TaskError(path, null, null, "is not UTF-8 text; program files must be text, because proposers edit them as text"));
            return;
        }
        catch (IOException e)
        {
            errors.Add(new TaskError(path, null, null, $"cannot be read: {e.Message}"));
            return;
        }
        catch (UnauthorizedAccessException e)
        {
            errors.Add(new TaskError(path, null, null, $"cannot be read: {e.Message}"));
            return;
        }
        if (!EvolveRegions.TryParse(text, out _, out var problem, out var line))
            errors.Add(new TaskError(path, line, 1, $"the evolve markers do not pair up: {problem}"));
    }
}
