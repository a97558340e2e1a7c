using System.Text;
using System.Text.RegularExpressions;

namespace Ratchet.Tasks;

public static partial class UnifiedDiff
{
    /// <summary>One line of a hunk: ' ', '-' or '+', its text, and whether it ends with a newline.</summary>
    private sealed record HunkLine(char Kind, string Text, bool Newline);

    private sealed record Hunk(int OldStart, int OldCount, int NewStart, int NewCount, int PatchLine, List<HunkLine> Lines);

    /// <summary>A <c>---</c>/<c>+++</c> pair and its hunks; a null side is <c>/dev/null</c>.</summary>
    private sealed record Section(string? OldPath, string? NewPath, int PatchLine, List<Hunk> Hunks);

    private sealed class PatchFormatException(PatchError error) : Exception(error.Message)
    {
        public PatchError Error { get; } = error;
    }

    [GeneratedRegex(@"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")]
    private static partial Regex HunkHeader();

    private static List<Section> Parse(string patch)
    {
        var lines = patch.Split('\n');
        var count = lines.Length > 0 && lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;
        var sections = new List<Section>();
        var i = 0;
        while (i < count)
        {
            if (lines[i].StartsWith("--- ", StringComparison.Ordinal) && i + 1 < count && lines[i + 1].StartsWith("+++ ", StringComparison.Ordinal))
            {
                var section = new Section(PathOf(lines[i][4..]), PathOf(lines[i + 1][4..]), i + 1, []);
                i += 2;
                while (i < count && lines[i].StartsWith("@@", StringComparison.Ordinal))
                    section.Hunks.Add(ParseHunk(lines, count, ref i));
                if (section.Hunks.Count == 0)
                    throw Malformed(section.PatchLine, $"patch line {section.PatchLine}: the file header has no '@@' hunk after it");
                if (i < count && lines[i].Length > 0 && lines[i][0] is ' ' or '+' or '-' && !IsFileHeader(lines, count, i))
                    throw Malformed(i + 1, $"patch line {i + 1}: the hunk at patch line {section.Hunks[^1].PatchLine} has more lines than its header says");
                sections.Add(section);
            }
            else if (lines[i].StartsWith("@@", StringComparison.Ordinal))
            {
                throw Malformed(i + 1, $"patch line {i + 1}: a '@@' hunk before any '--- '/'+++ ' file header");
            }
            else
            {
                i++; // preamble ("diff --git", "index ...") or commentary between files
            }
        }
        if (sections.Count == 0)
            throw Malformed(1, "the patch changes no file: expected '--- a/program.py' and '+++ b/program.py' lines followed by '@@' hunks");
        return sections;
    }

    private static Hunk ParseHunk(string[] lines, int count, ref int i)
    {
        var start = i + 1;
        var match = HunkHeader().Match(lines[i]);
        if (!match.Success)
            throw Malformed(start, $"patch line {start}: malformed hunk header '{Short(lines[i])}'; expected e.g. '@@ -3,2 +3,4 @@'");
        int Number(Group g, int fallback) => g.Success ? int.Parse(g.Value, System.Globalization.CultureInfo.InvariantCulture) : fallback;
        var hunk = new Hunk(Number(match.Groups[1], 0), Number(match.Groups[2], 1), Number(match.Groups[3], 0), Number(match.Groups[4], 1), start, []);
        int oldLeft = hunk.OldCount, newLeft = hunk.NewCount;
        i++;
        while (oldLeft > 0 || newLeft > 0 || (i < count && lines[i].StartsWith('\\')))
        {
            if (i >= count)
                throw Malformed(i, $"patch line {i}: the hunk at patch line {start} ends early: its header promises {hunk.OldCount} old and {hunk.NewCount} new lines");
            // Some tools and most language models drop the space of an empty context line.
            var line = lines[i].Length == 0 ? " " : lines[i];
            switch (line[0])
            {
                case ' ':
                    oldLeft--;
                    newLeft--;
                    break;
                case '-':
                    oldLeft--;
                    break;
                case '+':
                    newLeft--;
                    break;
                case '\\':
                    if (hunk.Lines.Count == 0)
                        throw Malformed(i + 1, $"patch line {i + 1}: '\\ No newline at end of file' with no line before it");
                    hunk.Lines[^1] = hunk.Lines[^1] with { Newline = false };
                    i++;
                    continue;
                default:
                    throw Malformed(i + 1, $"patch line {i + 1}: a hunk line must start with ' ', '+', '-' or '\\'; found '{Short(line)}'");
            }
            if (oldLeft < 0 || newLeft < 0)
                throw Malformed(i + 1, $"patch line {i + 1}: the hunk at patch line {start} has more lines than its header says");
            hunk.Lines.Add(new HunkLine(line[0], line[1..], true));
            i++;
        }
        return hunk;
    }

    private static bool IsFileHeader(string[] lines, int count, int i) =>
        lines[i].StartsWith("--- ", StringComparison.Ordinal) && i + 1 < count && lines[i + 1].StartsWith("+++ ", StringComparison.Ordinal);

    /// <summary>The path of a header line: without a trailing tab and timestamp, unquoted; null for /dev/null.</summary>
    private static string? PathOf(string header)
    {
        var tab = header.IndexOf('\t');
        var path = (tab >= 0 ? header[..tab] : header).TrimEnd('\r', ' ');
        if (path.Length >= 2 && path[0] == '"' && path[^1] == '"')
            path = Unquote(path[1..^1]);
        return path == "/dev/null" ? null : path;
    }

    // Git quotes paths with unusual characters C-style.
    private static string Unquote(string quoted)
    {
        var builder = new StringBuilder(quoted.Length);
        for (var i = 0; i < quoted.Length; i++)
        {
            if (quoted[i] != '\\' || i + 1 == quoted.Length)
            {
                builder.Append(quoted[i]);
                continue;
            }
            var next = quoted[++i];
            builder.Append(next switch { 'n' => '\n', 't' => '\t', 'r' => '\r', _ => next });
        }
        return builder.ToString();
    }

    private static string Short(string line) => line.Length > 60 ? line[..57] + "..." : line;

    private static PatchFormatException Malformed(int line, string message) =>
        new(new PatchError(PatchErrorKind.Malformed, message, line));
}
