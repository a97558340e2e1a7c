namespace Ratchet.Proposers.Builtin.Text;

internal sealed partial class SourceFile
{
    private const int ContextWords = 2;

    /// <summary>The mutable literals inside evolve regions. A literal's key names it by up to two words before it on its
    /// own line (<c>rate = 0.1</c> is "rate"), or else by the last word before it (the items of <c>centers = [...]</c>
    /// are "centers"), plus an ordinal among literals with the same context.</summary>
    private List<LiteralSite> FindLiterals()
    {
        var sites = new List<LiteralSite>();
        var lineWords = new List<string>();
        var lastWord = "";
        var ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Tokens.Count; i++)
        {
            var token = Tokens[i];
            if (token.Kind == TokenKind.Newline)
            {
                lineWords.Clear();
                continue;
            }
            if (token.Kind == TokenKind.Word)
            {
                lastWord = TextOf(token);
                lineWords.Add(lastWord);
                continue;
            }
            if (token.Kind != TokenKind.Number || NumericLiteral.TryParse(TextOf(token), Profile) is not { } literal)
                continue;
            var start = token.Start;
            var minus = PreviousSignificant(i);
            if (minus >= 0 && Tokens[minus] is { Kind: TokenKind.Operator, Length: 1 } m && Text[m.Start] == '-'
                && m.End == token.Start && !EndsOperand(PreviousSignificant(minus)))
            {
                start = m.Start;
                literal = literal with { Value = -literal.Value };
            }
            if (RegionOf(start, token.End) < 0)
                continue;
            var words = lineWords.Count > 0 ? string.Join(' ', lineWords.TakeLast(ContextWords)) : lastWord;
            var context = $"{Path}|{words}";
            ordinals.TryGetValue(context, out var ordinal);
            ordinals[context] = ordinal + 1;
            sites.Add(new LiteralSite($"{context}#{ordinal}", start, token.End, literal));
        }
        return sites;
    }

    private List<int> FindOperatorSites()
    {
        var sites = new List<int>();
        for (var i = 0; i < Tokens.Count; i++)
        {
            var token = Tokens[i];
            if (RegionOf(token.Start, token.End) < 0)
                continue;
            var text = TextOf(token);
            if (token.Kind == TokenKind.Word && Profile.WordOperatorGroups.Any(g => g.Contains(text)))
                sites.Add(i);
            else if (token.Kind == TokenKind.Operator && Profile.OperatorGroups.Any(g => g.Contains(text)) && IsBinary(i, text))
                sites.Add(i);
        }
        return sites;
    }

    /// <summary>Cheap evidence that an operator is binary and not part of a generic, pointer, include or unary use:
    /// operands on both sides and the same spacing on both sides (comparisons need spaces on both sides).</summary>
    private bool IsBinary(int index, string text)
    {
        var token = Tokens[index];
        var spaceBefore = token.Start > 0 && Text[token.Start - 1] is ' ' or '\t';
        var spaceAfter = token.End < Text.Length && Text[token.End] is ' ' or '\t';
        if (spaceBefore != spaceAfter)
            return false;
        if (text is "<" or ">" or "<=" or ">=" && !spaceBefore)
            return false;
        return EndsOperand(PreviousSignificant(index)) && StartsOperand(NextSignificant(index));
    }

    private List<int> FindBooleanSites()
    {
        var sites = new List<int>();
        for (var i = 0; i < Tokens.Count; i++)
        {
            var token = Tokens[i];
            if (token.Kind != TokenKind.Word || RegionOf(token.Start, token.End) < 0)
                continue;
            var text = TextOf(token);
            if (Profile.Booleans.Any(b => b.A == text || b.B == text))
                sites.Add(i);
        }
        return sites;
    }
}
