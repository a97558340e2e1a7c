namespace Ratchet.Proposers.Builtin.Text;

/// <summary>A mutable number literal in a program file.</summary>
/// <param name="Key">A name for the literal that survives edits elsewhere: file, the words before it on its line (or
/// the last word before it), and its ordinal among literals sharing that context (e.g. <c>main.py|radius scale#1</c>).</param>
/// <param name="Start">Offset of the literal, including an absorbed unary minus.</param>
/// <param name="End">Offset just past the literal.</param>
/// <param name="Literal">Its value and shape.</param>
internal sealed record LiteralSite(string Key, int Start, int End, NumericLiteral Literal)
{
    public double Value => Literal.Value;
}
