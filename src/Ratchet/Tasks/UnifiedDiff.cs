using System.Text;

namespace Ratchet.Tasks;

/// <summary>Applies a unified diff (<c>diff -u</c>, <c>git diff</c>) to a parent program. Context must match
/// exactly (no fuzz), but a hunk may sit a few lines away from where its header says, as with <c>patch</c>.
/// Creations and deletions are reported, not judged: <c>ProposalCheck</c> decides about them.</summary>
public static partial class UnifiedDiff
{
    /// <summary>The new files of <paramref name="parent"/> after <paramref name="patch"/>, or a typed error.</summary>
    public static PatchResult Apply(ProgramSnapshot parent, string patch)
    {
        try
        {
            return PatchResult.Success(ApplyAll(parent, Parse(patch)));
        }
        catch (PatchFormatException e)
        {
            return PatchResult.Failure(e.Error);
        }
    }

    private static PatchApplied ApplyAll(ProgramSnapshot parent, List<Section> sections)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var created = new List<string>();
        var deleted = new List<string>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var section in sections)
        {
            var oldPath = section.OldPath is null ? null : Resolve(parent, section.OldPath, "a/");
            var newPath = section.NewPath is null ? null : Resolve(parent, section.NewPath, "b/");
            if (oldPath is not null && newPath is not null && oldPath != newPath)
                throw Fail(PatchErrorKind.Malformed, section.PatchLine, null, $"patch line {section.PatchLine}: '---' names '{oldPath}' but '+++' names '{newPath}'; renames are not supported");
            var path = (newPath ?? oldPath)!;
            if (seen.TryGetValue(path, out var first))
                throw Fail(PatchErrorKind.Conflict, section.PatchLine, path, $"patch line {section.PatchLine}: '{path}' is changed twice (also at patch line {first}); put all its hunks under one header");
            seen[path] = section.PatchLine;

            if (oldPath is null)
            {
                if (parent.Files.ContainsKey(path))
                    throw Fail(PatchErrorKind.Conflict, section.PatchLine, path, $"patch line {section.PatchLine}: the patch creates '{path}' (--- /dev/null), which already exists");
                files[path] = ApplyHunks("", section.Hunks, path);
                created.Add(path);
            }
            else if (newPath is null)
            {
                if (parent.Files.TryGetValue(path, out var old) && ApplyHunks(old, section.Hunks, path).Length > 0)
                    throw Fail(PatchErrorKind.ContextMismatch, section.PatchLine, path, $"patch line {section.PatchLine}: the patch deletes '{path}' (+++ /dev/null) but its hunks do not remove all of it");
                deleted.Add(path);
            }
            else if (parent.Files.TryGetValue(path, out var old))
            {
                files[path] = ApplyHunks(old, section.Hunks, path);
            }
            else
            {
                throw Fail(PatchErrorKind.NotAProgramFile, section.PatchLine, path, $"patch line {section.PatchLine}: the patch changes '{path}', which is not a [program] file ({string.Join(", ", parent.Files.Keys)})");
            }
        }
        return new PatchApplied(files, created, deleted);
    }

    // 'a/x' means x unless a program file is literally called 'a/x'.
    private static string Resolve(ProgramSnapshot parent, string path, string prefix) =>
        !parent.Files.ContainsKey(path) && path.StartsWith(prefix, StringComparison.Ordinal) && path.Length > prefix.Length
            ? path[prefix.Length..]
            : path;

    private static string ApplyHunks(string text, List<Hunk> hunks, string path)
    {
        var lines = Split(text);
        var result = new List<HunkLine>(lines.Count + 16);
        var at = 0;
        for (var h = 0; h < hunks.Count; h++)
        {
            var hunk = hunks[h];
            var old = hunk.Lines.Where(l => l.Kind != '+').ToList();
            var expected = Math.Clamp(hunk.OldCount == 0 ? hunk.OldStart : hunk.OldStart - 1, at, Math.Max(at, lines.Count - old.Count));
            var found = Find(lines, old, at, expected);
            if (found < 0)
                throw Mismatch(lines, old, Math.Max(at, hunk.OldCount == 0 ? hunk.OldStart : hunk.OldStart - 1), h + 1, hunk, path);
            result.AddRange(lines.Skip(at).Take(found - at));
            result.AddRange(hunk.Lines.Where(l => l.Kind != '-'));
            at = found + old.Count;
        }
        result.AddRange(lines.Skip(at));
        var builder = new StringBuilder(text.Length + 256);
        for (var i = 0; i < result.Count; i++)
        {
            if (!result[i].Newline && i < result.Count - 1)
                throw Fail(PatchErrorKind.Malformed, hunks[0].PatchLine, path, $"'\\ No newline at end of file' marks a line of '{path}' that is not its last line");
            builder.Append(result[i].Text);
            if (result[i].Newline)
                builder.Append('\n');
        }
        return builder.ToString();
    }

    /// <summary>The start of the match nearest to <paramref name="expected"/>, at or after <paramref name="from"/>, or -1.</summary>
    private static int Find(List<HunkLine> lines, List<HunkLine> old, int from, int expected)
    {
        var last = lines.Count - old.Count;
        for (var distance = 0; expected - distance >= from || expected + distance <= last; distance++)
        {
            if (expected + distance <= last && expected + distance >= from && Matches(lines, old, expected + distance))
                return expected + distance;
            if (distance > 0 && expected - distance >= from && expected - distance <= last && Matches(lines, old, expected - distance))
                return expected - distance;
        }
        return -1;
    }

    private static bool Matches(List<HunkLine> lines, List<HunkLine> old, int start)
    {
        for (var i = 0; i < old.Count; i++)
        {
            if (lines[start + i].Text != old[i].Text || lines[start + i].Newline != old[i].Newline)
                return false;
        }
        return true;
    }

    private static PatchFormatException Mismatch(List<HunkLine> lines, List<HunkLine> old, int expected, int number, Hunk hunk, string path)
    {
        var where = $"hunk {number} of '{path}' (patch line {hunk.PatchLine}) does not apply";
        for (var i = 0; i < old.Count; i++)
        {
            var lineNo = expected + i + 1;
            if (expected + i >= lines.Count)
                return Fail(PatchErrorKind.ContextMismatch, hunk.PatchLine, path, $"{where}: '{path}' has {lines.Count} lines, the patch expects line {lineNo} to be {Quote(old[i].Text)}", lineNo);
            var actual = lines[expected + i];
            if (actual.Text != old[i].Text)
                return Fail(PatchErrorKind.ContextMismatch, hunk.PatchLine, path, $"{where}: line {lineNo} is {Quote(actual.Text)}, the patch expects {Quote(old[i].Text)}", lineNo);
            if (actual.Newline != old[i].Newline)
            {
                var detail = actual.Newline ? "ends with a newline, the patch says it has none" : "has no newline at the end of the file, the patch expects one";
                return Fail(PatchErrorKind.ContextMismatch, hunk.PatchLine, path, $"{where}: line {lineNo} {detail}", lineNo);
            }
        }
        return Fail(PatchErrorKind.ContextMismatch, hunk.PatchLine, path, $"{where}: its lines are not in the file after the previous hunk", expected + 1);
    }

    private static List<HunkLine> Split(string text)
    {
        var lines = new List<HunkLine>();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                lines.Add(new HunkLine(' ', text[start..], false));
                break;
            }
            lines.Add(new HunkLine(' ', text[start..end], true));
            start = end + 1;
        }
        return lines;
    }

    private static string Quote(string text) => "'" + (text.Length > 60 ? text[..57] + "..." : text) + "'";

    private static PatchFormatException Fail(PatchErrorKind kind, int patchLine, string? path, string message, int? fileLine = null) =>
        new(new PatchError(kind, message, patchLine, path, fileLine));
}
