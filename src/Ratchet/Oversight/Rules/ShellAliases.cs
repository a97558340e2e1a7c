using System.Text.RegularExpressions;

namespace Ratchet.Oversight;

/// <summary>Resolves a shell file's own variables and aliases (from the whole file): <c>c=cu; d=rl; $c$d</c> is judged as
/// <c>curl</c>, <c>alias g='wget -q'</c> makes <c>g</c> run <c>wget</c>. Also lists every variable the file assigns, so
/// that a variable it reads but never assigns is known to come from the environment.</summary>
internal static partial class ShellAliases
{
    private static readonly HashSet<string> Declarers = ["export", "local", "declare", "readonly", "typeset"];

    [GeneratedRegex(@"^([A-Za-z_][A-Za-z0-9_]*)(\[[^\]]*\])?\+?=(.*)$", RegexOptions.Singleline)]
    private static partial Regex AssignmentPattern();

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex PlaceholderPattern();

    public static (List<Token> Tokens, HashSet<string> Assigned) Resolve(List<Token> tokens)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        var assigned = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 0; k < tokens.Count; k++)
        {
            var word = tokens[k];
            if (word.Kind != TokenKind.Word)
                continue;
            var previous = k > 0 ? tokens[k - 1] : null;
            if (previous?.Kind == TokenKind.Word && previous.Text is "for" or "select" || IsReadTarget(tokens, k))
                assigned.Add(word.Text);
            var declared = previous is { Kind: TokenKind.Word } && (Declarers.Contains(previous.Text) || previous.Text.StartsWith('-') && k > 1 && Declarers.Contains(tokens[k - 2].Text));
            if (AssignmentPattern().Match(word.Text) is { Success: true } m && (CommandPosition(tokens, k) || declared))
            {
                assigned.Add(m.Groups[1].Value);
                values[m.Groups[1].Value] = Substitute(m.Groups[3].Value, values);
            }
            else if (declared && Regex.IsMatch(word.Text, "^[A-Za-z_][A-Za-z0-9_]*$"))
            {
                assigned.Add(word.Text);
            }
            if (previous is { Kind: TokenKind.Word, Text: "alias" } && word.Text.IndexOf('=') is > 0 and var eq)
                aliases[word.Text[..eq]] = word.Text[(eq + 1)..];
        }

        var result = new List<Token>(tokens.Count);
        for (var k = 0; k < tokens.Count; k++)
        {
            var token = tokens[k];
            if (token.Kind != TokenKind.Word)
            {
                result.Add(token);
                continue;
            }
            var text = Substitute(token.Text, values);
            if (CommandPosition(tokens, k) && aliases.TryGetValue(text, out var alias))
                text = alias;
            if (text == token.Text)
            {
                result.Add(token);
                continue;
            }
            foreach (var part in text.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries))
                result.Add(token with { Text = part, Synthetic = true });
        }
        return (result, assigned);
    }

    private static string Substitute(string text, Dictionary<string, string> values)
    {
        for (var round = 0; round < 8 && text.Contains("${", StringComparison.Ordinal); round++)
        {
            var next = PlaceholderPattern().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);
            if (next == text)
                break;
            text = next;
        }
        return text;
    }

    // A word is in command position at the start of a line, after ; & | && || ( { $( or a keyword that starts a command.
    public static bool CommandPosition(List<Token> tokens, int k)
    {
        if (k == 0)
            return true;
        var previous = tokens[k - 1];
        return previous.Kind switch
        {
            TokenKind.NewLine => true,
            TokenKind.Punct => previous.Text is ";" or "&" or "|" or "&&" or "||" or "(" or "{" or "$(" or "|&" or ";;",
            TokenKind.Word => previous.Text is "then" or "do" or "else" or "elif" or "if" or "while" or "until" or "!" or "time" or "exec" or "command" or "builtin" or "nohup" or "env" or "sudo"
                              || AssignmentPattern().IsMatch(previous.Text) && CommandPosition(tokens, k - 1),
            _ => false,
        };
    }

    private static bool IsReadTarget(List<Token> tokens, int k)
    {
        for (var back = k - 1; back >= 0 && tokens[back].Kind == TokenKind.Word; back--)
        {
            if (tokens[back].Text is "read" or "getopts" or "mapfile" or "readarray")
                return !tokens[k].Text.StartsWith('-');
        }
        return false;
    }
}
