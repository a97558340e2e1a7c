using System.Globalization;
using Ratchet.Proposers.Builtin.Text;
using Ratchet.Search;

namespace Ratchet.Proposers.Builtin.Operators;

/// <summary>Whole-line edits on <see cref="LineUnit"/>s: delete, duplicate, swap with a nearby line, move to a nearby
/// place. Lines only trade places with lines of the same region, indent and bracket depth.</summary>
internal static class LineEdit
{
    public static bool Applies(MutationKind kind, ProgramView program) => kind switch
    {
        MutationKind.LineDelete or MutationKind.LineDuplicate => program.LineCount > 0,
        _ => program.Files.Any(f => f.Lines.Count > 1),
    };

    public static Mutation? Apply(MutationKind kind, ProgramView program, int window, SearchRandom random)
    {
        var units = program.Files.SelectMany(f => f.Lines.Select(u => (File: f, Unit: u))).ToArray();
        if (units.Length == 0)
            return null;
        var (file, unit) = units[random.Next(units.Length)];
        var lineText = file.Text[unit.Start..unit.End];
        var label = $"{kind.ToWire()} {file.Path}:{unit.Line + 1}";
        var line = ("line", (unit.Line + 1).ToString(CultureInfo.InvariantCulture));
        switch (kind)
        {
            case MutationKind.LineDelete:
                return Mutation.Single(kind, file.Path, file.Replace(unit.Start, unit.End, ""), label, line);
            case MutationKind.LineDuplicate:
                return Mutation.Single(kind, file.Path, file.Replace(unit.End, unit.End, lineText), label, line);
        }
        var partners = file.Lines.Where(u => u != unit && u.Region == unit.Region && u.Indent == unit.Indent
            && u.Depth == unit.Depth && Math.Abs(u.Line - unit.Line) <= window).ToArray();
        if (partners.Length == 0)
            return null;
        var other = partners[random.Next(partners.Length)];
        var otherLine = ("other", (other.Line + 1).ToString(CultureInfo.InvariantCulture));
        if (kind == MutationKind.LineSwap)
        {
            var (first, second) = unit.Start < other.Start ? (unit, other) : (other, unit);
            var t = file.Text;
            var text = t[..first.Start] + t[second.Start..second.End] + t[first.End..second.Start] + t[first.Start..first.End] + t[second.End..];
            return Mutation.Single(kind, file.Path, text, $"{label} <-> {other.Line + 1}", line, otherLine);
        }
        var at = random.Chance(0.5) ? other.Start : other.End;
        var without = file.Replace(unit.Start, unit.End, "");
        var insertAt = at > unit.Start ? at - (unit.End - unit.Start) : at;
        return Mutation.Single(kind, file.Path, without.Insert(insertAt, lineText), $"{label} -> near {other.Line + 1}", line, otherLine);
    }
}
