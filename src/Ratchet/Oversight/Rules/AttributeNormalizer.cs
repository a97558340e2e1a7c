namespace Ratchet.Oversight;

/// <summary>Rewrites attribute access by a constant name into plain attribute access, so the rules see through it:
/// Python <c>getattr(os, "system")</c> and JavaScript <c>Reflect.get(process, "env")</c> become <c>os.system</c> and
/// <c>process.env</c>; JavaScript <c>process["env"]</c> becomes <c>process.env</c>.</summary>
internal static class AttributeNormalizer
{
    public static List<Token> Normalize(List<Token> tokens, SourceLanguage language)
    {
        if (language is not (SourceLanguage.Python or SourceLanguage.JavaScript))
            return tokens;
        var result = new List<Token>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (ByName(tokens, i, language) is var (objectTokens, name, consumed))
            {
                result.AddRange(objectTokens);
                result.Add(new Token(TokenKind.Punct, ".", name.Line, name.Line, Synthetic: true));
                result.Add(new Token(TokenKind.Identifier, name.Text, name.Line, name.EndLine, Synthetic: true));
                i += consumed - 1;
                continue;
            }
            if (language == SourceLanguage.JavaScript && tokens[i].Is("[") && i > 0 && (tokens[i - 1].IsName || tokens[i - 1].Text is ")" or "]")
                && i + 2 < tokens.Count && tokens[i + 1].Kind == TokenKind.String && tokens[i + 2].Is("]") && IsName(tokens[i + 1].Text))
            {
                result.Add(new Token(TokenKind.Punct, ".", tokens[i].Line, tokens[i].Line, Synthetic: true));
                result.Add(tokens[i + 1] with { Kind = TokenKind.Identifier, Synthetic = true });
                i += 2;
                continue;
            }
            result.Add(tokens[i]);
        }
        return result;
    }

    // getattr ( a.b , "name" [, default] )  |  Reflect.get ( a.b , "name" )
    private static (List<Token> Object, Token Name, int Consumed)? ByName(List<Token> t, int i, SourceLanguage language)
    {
        int open;
        if (language == SourceLanguage.Python && t[i].IsNamed("getattr") && !(i > 0 && t[i - 1].Is(".")))
            open = i + 1;
        else if (language == SourceLanguage.JavaScript && t[i].IsNamed("Reflect") && i + 2 < t.Count && t[i + 1].Is(".") && t[i + 2].IsNamed("get"))
            open = i + 3;
        else
            return null;
        if (open >= t.Count || !t[open].Is("("))
            return null;
        var k = open + 1;
        var objectTokens = new List<Token>();
        while (k < t.Count && (t[k].IsName || (t[k].Is(".") && objectTokens.Count > 0)))
            objectTokens.Add(t[k++]);
        if (objectTokens.Count == 0 || objectTokens[^1].Is(".") || k + 1 >= t.Count || !t[k].Is(",") || t[k + 1].Kind != TokenKind.String || !IsName(t[k + 1].Text))
            return null;
        var name = t[k + 1];
        k += 2;
        if (t.Count > k && t[k].Is(")"))
            return (objectTokens, name, k + 1 - i);
        return null;
    }

    private static bool IsName(string text) =>
        text.Length > 0 && (char.IsLetter(text[0]) || text[0] is '_' or '$') && text.All(c => char.IsLetterOrDigit(c) || c is '_' or '$');
}
