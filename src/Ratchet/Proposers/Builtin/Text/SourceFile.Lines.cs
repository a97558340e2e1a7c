namespace Ratchet.Proposers.Builtin.Text;

internal sealed partial class SourceFile
{
    private List<LineUnit> FindLines()
    {
        var units = new List<LineUnit>();
        var depth = 0;
        var t = 0;
        var lineStart = 0;
        var line = 0;
        while (lineStart < Text.Length)
        {
            var newline = Text.IndexOf('\n', lineStart);
            if (newline < 0)
                break;
            var lineEnd = newline + 1;
            var depthAtStart = depth;
            var first = t;
            while (t < Tokens.Count && Tokens[t].Start < lineEnd)
            {
                depth += Tokens[t].Kind switch { TokenKind.Open => 1, TokenKind.Close => -1, _ => 0 };
                t++;
            }
            // A token that started on an earlier line and ends here is counted with the line it started on.
            if (IsUnit(first, t, lineStart, lineEnd) && RegionOf(lineStart, lineEnd) is var region and >= 0)
                units.Add(new LineUnit(lineStart, lineEnd, IndentOf(lineStart), depthAtStart, region, line));
            lineStart = lineEnd;
            line++;
        }
        return units;
    }

    private bool IsUnit(int first, int afterLast, int lineStart, int lineEnd)
    {
        if (first >= Tokens.Count || Tokens[first].Start != lineStart || Tokens[afterLast - 1].End != lineEnd)
            return false;
        var balance = 0;
        var code = false;
        var last = -1;
        for (var i = first; i < afterLast; i++)
        {
            var token = Tokens[i];
            switch (token.Kind)
            {
                case TokenKind.Comment or TokenKind.Directive:
                    return false;
                case TokenKind.Open:
                    balance++;
                    break;
                case TokenKind.Close when --balance < 0:
                    return false;
            }
            if (token.IsSignificant)
            {
                code = true;
                last = i;
            }
        }
        if (!code || balance != 0)
            return false;
        var lastText = TextOf(Tokens[last]);
        return lastText != "\\" && !(Profile.Family == LanguageFamily.Python && lastText == ":");
    }

    private string IndentOf(int lineStart)
    {
        var end = lineStart;
        while (end < Text.Length && Text[end] is ' ' or '\t')
            end++;
        return Text[lineStart..end];
    }
}
