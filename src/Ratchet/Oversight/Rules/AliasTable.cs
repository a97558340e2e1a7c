namespace Ratchet.Oversight;

/// <summary>What names stand for in one candidate file (built from the whole file): <c>import os as o</c> makes
/// <c>o</c> stand for <c>os</c>, <c>from os import system as s</c> makes <c>s</c> stand for <c>os.system</c>,
/// <c>e = eval</c> makes <c>e</c> stand for <c>eval</c>, <c>#define S system</c> makes <c>S</c> stand for <c>system</c>.</summary>
internal sealed class AliasTable
{
    private const int MaxDepth = 8;

    /// <summary>Name to the tokens it stands for.</summary>
    public Dictionary<string, List<Token>> Aliases { get; } = new(StringComparer.Ordinal);

    /// <summary>Names bound to modules or module members (for the monkeypatch rules).</summary>
    public HashSet<string> Modules { get; } = new(StringComparer.Ordinal);

    /// <summary>Token indices of names at the place they are bound; these stay as written.</summary>
    public HashSet<int> Bindings { get; } = [];

    /// <summary>Token indices replaced in place (the imported name in <c>from os import system</c> becomes <c>os.system</c>).</summary>
    public Dictionary<int, List<Token>> Rewrites { get; } = [];

    public void Add(string name, List<Token> stands)
    {
        if (stands.Count > 0 && !(stands is [var only] && only.Text == name))
            Aliases[name] = stands;
    }

    public static List<Token> Dotted(IEnumerable<string> parts)
    {
        var tokens = new List<Token>();
        foreach (var part in parts)
        {
            if (tokens.Count > 0)
                tokens.Add(new Token(TokenKind.Punct, ".", 0, 0));
            tokens.Add(new Token(TokenKind.Identifier, part, 0, 0));
        }
        return tokens;
    }

    /// <summary>True when the name (or what it stands for) is rooted at a module, or is one of <paramref name="interesting"/>.</summary>
    public bool IsInteresting(string root, IReadOnlySet<string> interesting) =>
        Modules.Contains(root) || Aliases.ContainsKey(root) || interesting.Contains(root);

    /// <summary>Replaces aliases by what they stand for (recursively), applies rewrites, and drops <paramref name="dropPrefixes"/>
    /// followed by a dot (<c>globalThis.eval</c> is <c>eval</c>). Expanded tokens take the line of the name they replace.</summary>
    public List<Token> Expand(List<Token> tokens, IReadOnlySet<string>? dropPrefixes = null)
    {
        var result = new List<Token>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var afterDot = i > 0 && tokens[i - 1].Kind == TokenKind.Punct && tokens[i - 1].Text is "." or "?." or "->";
            if (dropPrefixes is not null && token.IsName && !afterDot && dropPrefixes.Contains(token.Text) && i + 1 < tokens.Count && tokens[i + 1].Is("."))
            {
                i++;
                continue;
            }
            if (Rewrites.TryGetValue(i, out var rewrite))
                result.AddRange(Place(rewrite, token, 0));
            else if (token.IsName && !afterDot && !Bindings.Contains(i) && Aliases.ContainsKey(token.Text))
                result.AddRange(Place([token], token, 0));
            else
                result.Add(token);
        }
        return result;
    }

    private IEnumerable<Token> Place(List<Token> template, Token at, int depth)
    {
        for (var k = 0; k < template.Count; k++)
        {
            var t = template[k];
            var afterDot = k > 0 && template[k - 1].Is(".");
            if (depth < MaxDepth && t.IsName && !afterDot && Aliases.TryGetValue(t.Text, out var inner))
            {
                foreach (var expanded in Place(inner, at, depth + 1))
                    yield return expanded;
            }
            else
            {
                yield return t with { Line = at.Line, EndLine = at.EndLine, Synthetic = true };
            }
        }
    }
}
