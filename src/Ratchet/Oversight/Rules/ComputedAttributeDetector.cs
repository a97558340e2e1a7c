namespace Ratchet.Oversight;

/// <summary>Finds Python <c>getattr</c>/<c>setattr</c>/<c>delattr</c>/<c>hasattr</c> calls whose attribute name is not one
/// string literal (a computed name can spell anything), and <c>setattr</c>/<c>delattr</c> on an imported module or on
/// builtins. <c>getattr(x, "name")</c> with a literal was already rewritten to <c>x.name</c> and is judged as that.</summary>
internal sealed class ComputedAttributeDetector : IRuleDetector
{
    public IEnumerable<(Token At, string? Detail)> Find(SourceFile file, RuleContext context)
    {
        if (file.Language != SourceLanguage.Python)
            yield break;
        var t = file.Tokens;
        for (var i = 0; i + 1 < t.Count; i++)
        {
            if (!t[i].IsName || t[i].Text is not ("getattr" or "setattr" or "delattr" or "hasattr") || !t[i + 1].Is("(") || (i > 0 && t[i - 1].Is(".")))
                continue;
            var arguments = Arguments(t, i + 1);
            if (arguments.Count < 2)
            {
                yield return (t[i], $"{t[i].Text} with arguments it cannot read");
                continue;
            }
            if (arguments[1] is not [{ Kind: TokenKind.String }])
            {
                yield return (t[i], $"{t[i].Text} with a computed attribute name");
                continue;
            }
            var target = arguments[0] is [var first, ..] ? first.Text : "";
            if (t[i].Text is "setattr" or "delattr" && (file.Aliases.Modules.Contains(target) || target is "builtins" or "__builtins__"))
                yield return (t[i], $"{t[i].Text} on module {target}");
        }
    }

    // The top-level, comma-separated arguments of the call whose '(' is at 'open'.
    private static List<List<Token>> Arguments(List<Token> t, int open)
    {
        var arguments = new List<List<Token>> { new() };
        var depth = 0;
        for (var k = open + 1; k < t.Count; k++)
        {
            var token = t[k];
            if (token.Kind == TokenKind.Punct && token.Text is "(" or "[" or "{")
                depth++;
            else if (token.Kind == TokenKind.Punct && token.Text is ")" or "]" or "}")
            {
                if (depth-- == 0)
                    break;
            }
            else if (depth == 0 && token.Is(","))
            {
                arguments.Add([]);
                continue;
            }
            else if (token.Kind == TokenKind.NewLine)
                continue;
            arguments[^1].Add(token);
        }
        return arguments.Where(a => a.Count > 0).ToList();
    }
}
