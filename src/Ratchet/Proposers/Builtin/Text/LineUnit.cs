namespace Ratchet.Proposers.Builtin.Text;

/// <summary>A whole line the line operators may delete, duplicate, swap or move: inside an evolve region, code only
/// (no comment or directive), no token crossing its ends, brackets balanced within it, and not a block header.</summary>
/// <param name="Start">Offset of the line's first character.</param>
/// <param name="End">Offset just past its newline.</param>
/// <param name="Indent">Its leading whitespace; lines only trade places with lines of the same indent.</param>
/// <param name="Depth">Bracket depth at its start; lines only trade places at the same depth.</param>
/// <param name="Region">Index of the evolve region holding it.</param>
/// <param name="Line">0-based line number.</param>
internal sealed record LineUnit(int Start, int End, string Indent, int Depth, int Region, int Line);
