using System.Text;

namespace Ratchet.Oversight;

/// <summary>Tokenises the curly-brace languages (C, C++, C#, JavaScript/TypeScript, and unknown files): drops <c>//</c> and
/// <c>/* */</c> comments, decodes string and identifier escapes (<c>\u0045xit</c> is <c>Exit</c>), splits interpolated and
/// template strings into literal parts and the tokens of their expressions, reads C# verbatim/raw strings, C++ raw strings,
/// JavaScript regex literals, and turns <c>#include &lt;x&gt;</c> into a <c>#include</c> token and a string.</summary>
internal sealed partial class CFamilyTokenizer
{
    private static readonly string[] Operators =
    [
        ">>>=", "<=>", "===", "!==", "**=", "...", "<<=", ">>=", ">>>", "??=", "::", "->", "=>", "==", "!=", "<=", ">=", "&&", "||",
        "??", "?.", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<", ">>", "**", "##",
    ];

    private static readonly HashSet<string> RegexAfterWords =
        ["return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else", "yield", "await"];

    private readonly string _s;
    private readonly SourceLanguage _language;
    private readonly List<Token> _tokens = [];
    private int _i;
    private int _line;

    private CFamilyTokenizer(string source, SourceLanguage language, int firstLine)
    {
        _s = source;
        _language = language;
        _line = firstLine;
    }

    public static List<Token> Tokenize(string source, SourceLanguage language, int firstLine = 1)
    {
        var tokenizer = new CFamilyTokenizer(source, language, firstLine);
        tokenizer.Run();
        return tokenizer._tokens;
    }

    private bool IsJs => _language == SourceLanguage.JavaScript;

    private bool IsCs => _language == SourceLanguage.CSharp;

    private bool IsC => _language is SourceLanguage.C or SourceLanguage.Other;

    private char At(int offset) => _i + offset < _s.Length ? _s[_i + offset] : '\0';

    private void Run()
    {
        var lineStart = true;
        while (_i < _s.Length)
        {
            var c = _s[_i];
            if (c == '\n')
            {
                _line++;
                _i++;
                lineStart = true;
                continue;
            }
            if (c == '\\' && At(1) is '\n' or '\r')
            {
                _i += At(1) == '\r' && At(2) == '\n' ? 3 : 2;
                _line++;
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                _i++;
                continue;
            }
            var wasLineStart = lineStart;
            lineStart = false;
            if (c == '/' && At(1) == '/')
                SkipLineComment();
            else if (c == '/' && At(1) == '*')
                SkipBlockComment();
            else if (c == '#' && wasLineStart && IsC)
                Directive();
            else if (!TryString())
                NameNumberOrOperator(c);
        }
    }

    private void SkipLineComment()
    {
        while (_i < _s.Length && _s[_i] != '\n')
        {
            // In C, a backslash at the end of a // comment continues the comment on the next line.
            if (IsC && _s[_i] == '\\' && At(1) == '\n')
            {
                _line++;
                _i++;
            }
            _i++;
        }
    }

    private void SkipBlockComment()
    {
        _i += 2;
        while (_i < _s.Length && !(_s[_i] == '*' && At(1) == '/'))
        {
            if (_s[_i] == '\n')
                _line++;
            _i++;
        }
        _i = Math.Min(_i + 2, _s.Length);
    }

    private void Directive()
    {
        var save = _i;
        _i++;
        while (_i < _s.Length && _s[_i] is ' ' or '\t')
            _i++;
        var nameStart = _i;
        while (_i < _s.Length && char.IsAsciiLetter(_s[_i]))
            _i++;
        var name = _s[nameStart.._i];
        if (name is "include" or "include_next" or "import" or "embed")
        {
            while (_i < _s.Length && _s[_i] is ' ' or '\t')
                _i++;
            var close = At(0) == '<' ? '>' : At(0) == '"' ? '"' : '\0';
            if (close != '\0')
            {
                var end = _s.IndexOf(close, _i + 1);
                var lineEnd = _s.IndexOf('\n', _i);
                if (end > 0 && (lineEnd < 0 || end < lineEnd))
                {
                    Add(TokenKind.Punct, "#" + name);
                    Add(TokenKind.String, _s[(_i + 1)..end]);
                    _i = end + 1;
                    return;
                }
            }
        }
        _i = save + 1;
        Add(TokenKind.Punct, "#");
    }

    private void NameNumberOrOperator(char c)
    {
        if (IsNameStart(c) || (c == '\\' && At(1) is 'u' or 'U') || (c == '@' && IsCs && IsNameStart(At(1))))
        {
            Add(TokenKind.Identifier, ReadName());
            return;
        }
        if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(At(1))))
        {
            var start = _i;
            while (_i < _s.Length && (char.IsAsciiLetterOrDigit(_s[_i]) || _s[_i] is '_' or '.' or '\''
                   || (_s[_i] is '+' or '-' && _s[_i - 1] is 'e' or 'E' or 'p' or 'P' && !_s[start.._i].StartsWith("0x", StringComparison.OrdinalIgnoreCase))))
                _i++;
            Add(TokenKind.Number, _s[start.._i]);
            return;
        }
        if (c == '/' && IsJs && RegexAllowed())
        {
            ReadRegex();
            return;
        }
        var op = Operators.FirstOrDefault(o => string.CompareOrdinal(_s, _i, o, 0, o.Length) == 0) ?? c.ToString();
        Add(TokenKind.Punct, op);
        _i += op.Length;
    }

    private bool IsNameStart(char c) => char.IsLetter(c) || c == '_' || (c == '$' && IsJs) || (c >= 0x80 && !char.IsWhiteSpace(c));

    private string ReadName()
    {
        var name = new StringBuilder();
        if (_s[_i] == '@')
            _i++;
        while (_i < _s.Length)
        {
            var c = _s[_i];
            if (c == '\\' && At(1) is 'u' or 'U')
            {
                var end = _i + 2;
                if (At(2) == '{')
                    end = Math.Min(Math.Max(_s.IndexOf('}', _i) + 1, _i + 3), _s.Length);
                else
                    while (end < _s.Length && end - _i - 2 < (At(1) == 'U' ? 8 : 4) && Uri.IsHexDigit(_s[end]))
                        end++;
                name.Append(StringEscapes.Decode(_s[_i..end], SourceLanguage.JavaScript));
                _i = end;
            }
            else if (IsNameStart(c) || char.IsDigit(c))
            {
                name.Append(c);
                _i++;
            }
            else
            {
                break;
            }
        }
        return name.ToString();
    }

    private bool RegexAllowed()
    {
        if (_tokens.Count == 0)
            return true;
        var last = _tokens[^1];
        return last.Kind switch
        {
            TokenKind.Punct => last.Text is not (")" or "]" or "}" or "++" or "--"),
            TokenKind.Identifier => RegexAfterWords.Contains(last.Text),
            _ => false,
        };
    }

    private void ReadRegex()
    {
        var start = ++_i;
        var inClass = false;
        while (_i < _s.Length && _s[_i] != '\n')
        {
            var c = _s[_i];
            if (c == '\\')
                _i++;
            else if (c == '[')
                inClass = true;
            else if (c == ']')
                inClass = false;
            else if (c == '/' && !inClass)
                break;
            _i++;
        }
        var body = _s[start..Math.Min(_i, _s.Length)];
        _i = Math.Min(_i + 1, _s.Length);
        while (_i < _s.Length && char.IsAsciiLetter(_s[_i]))
            _i++;
        Add(TokenKind.Regex, body);
    }

    private void Add(TokenKind kind, string text, int? startLine = null) =>
        _tokens.Add(new Token(kind, text, startLine ?? _line, _line));
}
