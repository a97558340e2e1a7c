using System.Text.RegularExpressions;

namespace Ratchet.Oversight;

/// <summary>A compiled token pattern. Syntax: elements separated by spaces.
/// <list type="bullet">
/// <item><c>name</c> matches a name token with exactly that text; <c>name*</c> any name starting with it.</item>
/// <item>punctuation (<c>.</c>, <c>(</c>, <c>=</c>, <c>::</c>...) matches that operator token; <c>=</c> never matches <c>==</c>.</item>
/// <item><c>a|b|c</c> matches any alternative; a lone <c>|</c> or <c>||</c> is the operator itself.</item>
/// <item><c>$str</c> any string literal (or shell word), <c>$str:REGEX</c> one whose decoded content matches the regex;
/// <c>$id</c>, <c>$id:REGEX</c> a name; <c>$num</c> a number; <c>$any</c> any token.</item>
/// <item><c>^</c> first: the first token is not an attribute (not right after <c>.</c>, <c>?.</c> or <c>-&gt;</c>).</item>
/// <item><c>...</c> skips 0 to 12 tokens without leaving the statement (no newline, <c>;</c> or unbalanced closing bracket).</item>
/// <item><c>!atom</c> the next token does not match the atom (consumes nothing).</item>
/// </list>
/// No element matches the end of a logical line.</summary>
internal sealed class TokenPattern
{
    private const int MaxSkip = 12;

    private readonly Element[] _elements;
    private readonly bool _bare;

    private TokenPattern(Element[] elements, bool bare)
    {
        _elements = elements;
        _bare = bare;
    }

    public static TokenPattern Parse(string pattern)
    {
        var parts = pattern.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var bare = parts.Length > 0 && parts[0] == "^";
        var elements = parts.Skip(bare ? 1 : 0).Select(ParseElement).ToArray();
        if (elements.Length == 0 || elements[0].Kind != ElementKind.Atom)
            throw new ArgumentException($"pattern '{pattern}' must start with a token to match", nameof(pattern));
        return new TokenPattern(elements, bare);
    }

    /// <summary>The most tokens one match can span.</summary>
    public int MaxSpan => _elements.Sum(e => e.Kind switch { ElementKind.Skip => MaxSkip, ElementKind.Not => 0, _ => 1 });

    /// <summary>Matches at <paramref name="start"/>; on success <paramref name="end"/> is one past the last consumed token.</summary>
    public bool TryMatch(IReadOnlyList<Token> tokens, int start, out int end)
    {
        end = start;
        if (start >= tokens.Count || !_elements[0].Matches(tokens[start]))
            return false;
        if (_bare && start > 0 && tokens[start - 1].Kind == TokenKind.Punct && tokens[start - 1].Text is "." or "?." or "->")
            return false;
        return Match(tokens, 0, start, out end);
    }

    private bool Match(IReadOnlyList<Token> tokens, int element, int at, out int end)
    {
        end = at;
        if (element == _elements.Length)
            return true;
        var e = _elements[element];
        switch (e.Kind)
        {
            case ElementKind.Skip:
                var depth = 0;
                for (var skip = 0; skip <= MaxSkip && at + skip <= tokens.Count; skip++)
                {
                    if (Match(tokens, element + 1, at + skip, out end))
                        return true;
                    if (at + skip >= tokens.Count)
                        return false;
                    var t = tokens[at + skip];
                    if (t.Kind == TokenKind.NewLine || t.Is(";"))
                        return false;
                    depth += t.Kind == TokenKind.Punct && t.Text is "(" or "[" or "{" ? 1 : t.Kind == TokenKind.Punct && t.Text is ")" or "]" or "}" ? -1 : 0;
                    if (depth < 0)
                        return false;
                }
                return false;
            case ElementKind.Not:
                return (at >= tokens.Count || !e.Matches(tokens[at])) && Match(tokens, element + 1, at, out end);
            default:
                return at < tokens.Count && e.Matches(tokens[at]) && Match(tokens, element + 1, at + 1, out end);
        }
    }

    private enum ElementKind
    {
        Atom,
        Skip,
        Not,
    }

    private sealed class Element(ElementKind kind, IReadOnlyList<string> alternatives)
    {
        private readonly HashSet<string> _names = new(StringComparer.Ordinal);
        private readonly HashSet<string> _puncts = new(StringComparer.Ordinal);
        private readonly List<Func<Token, bool>> _others = [];

        public ElementKind Kind { get; } = kind;

        public Element Build()
        {
            foreach (var text in alternatives)
            {
                if (IsPlainName(text))
                    _names.Add(text);
                else if (IsPlainPunct(text))
                    _puncts.Add(text);
                else
                    _others.Add(Alternative(text));
            }
            return this;
        }

        public bool Matches(Token token)
        {
            if (token.Kind == TokenKind.NewLine)
                return false;
            if (token.IsName && _names.Contains(token.Text))
                return true;
            if (token.Kind == TokenKind.Punct && _puncts.Contains(token.Text))
                return true;
            foreach (var other in _others)
            {
                if (other(token))
                    return true;
            }
            return false;
        }

        private static bool IsPlainName(string text) =>
            (char.IsLetter(text[0]) || text[0] == '_') && !text.EndsWith('*');

        private static bool IsPlainPunct(string text) =>
            text[0] != '$' && !char.IsLetter(text[0]) && text[0] != '_' && !(text[0] == '#' && text.Length > 1 && char.IsLetter(text[1]));
    }

    /// <summary>A regex that runs out of time on adversarial text counts as a match: the rules fail closed.</summary>
    internal static bool SafeMatch(Regex regex, string text)
    {
        try
        {
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return true;
        }
    }

    private static Element ParseElement(string text)
    {
        if (text == "...")
            return new Element(ElementKind.Skip, []).Build();
        if (text.Length > 1 && text[0] == '!')
            return new Element(ElementKind.Not, Alternatives(text[1..])).Build();
        return new Element(ElementKind.Atom, Alternatives(text)).Build();
    }

    private static List<string> Alternatives(string text) =>
        text is "|" or "||" || text.StartsWith('$') ? [text] : text.Split('|').ToList();

    private static Func<Token, bool> Alternative(string text)
    {
        if (text.StartsWith("$str", StringComparison.Ordinal) || text.StartsWith("$id", StringComparison.Ordinal))
        {
            var isString = text.StartsWith("$str", StringComparison.Ordinal);
            var colon = text.IndexOf(':');
            var regex = colon < 0 ? null : new Regex(text[(colon + 1)..], RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            return isString
                ? t => t.IsText && (regex is null || SafeMatch(regex, t.Text))
                : t => t.IsName && (regex is null || SafeMatch(regex, t.Text));
        }
        if (text == "$num")
            return t => t.Kind == TokenKind.Number;
        if (text == "$any")
            return _ => true;
        if (char.IsLetter(text[0]) || text[0] == '_' || text[0] == '#' && text.Length > 1 && char.IsLetter(text[1]))
        {
            if (text[0] == '#')
                return t => t.Kind == TokenKind.Punct && t.Text == text;
            if (text.EndsWith('*'))
            {
                var prefix = text[..^1];
                return t => t.IsName && t.Text.StartsWith(prefix, StringComparison.Ordinal);
            }
            return t => t.IsName && t.Text == text;
        }
        return t => t.Kind == TokenKind.Punct && t.Text == text;
    }
}
