using System.Text;

namespace Ratchet.Oversight;

/// <summary>A use of a shell variable (<c>$NAME</c>, <c>${NAME...}</c>), for the environment-variable rule.</summary>
internal sealed record ShellVariableUse(string Name, int Line, bool Indirect);

/// <summary>Tokenises POSIX shell and bash: words lose their quotes and are concatenated (<c>c"ur"l</c> is <c>curl</c>),
/// <c>$'\x63url'</c> is decoded, comments are dropped, command substitutions are tokenised inline, here-document bodies
/// become strings, and variable uses are recorded with a <c>${NAME}</c> placeholder in the word so they can be substituted.</summary>
internal sealed class ShellTokenizer
{
    private static readonly string[] Operators = ["<<<", "<<-", "&&", "||", ";;", "<<", ">>", "<&", ">&", "&>", "|&", ";", "&", "|", "(", ")", "<", ">", "{", "}"];

    private readonly string _s;
    private readonly List<Token> _tokens = [];
    private readonly List<ShellVariableUse> _variables;
    private readonly List<string> _pendingHeredocs = [];
    private int _i;
    private int _line;

    private ShellTokenizer(string source, int firstLine, List<ShellVariableUse> variables)
    {
        _s = source;
        _line = firstLine;
        _variables = variables;
    }

    public static (List<Token> Tokens, List<ShellVariableUse> Variables) Tokenize(string source, int firstLine = 1)
    {
        var variables = new List<ShellVariableUse>();
        var tokenizer = new ShellTokenizer(source, firstLine, variables);
        tokenizer.Run();
        return (tokenizer._tokens, variables);
    }

    private char At(int offset) => _i + offset < _s.Length ? _s[_i + offset] : '\0';

    private void Run()
    {
        while (_i < _s.Length)
        {
            var c = _s[_i];
            if (c == '\n')
            {
                _tokens.Add(new Token(TokenKind.NewLine, "\n", _line, _line));
                _line++;
                _i++;
                ReadHeredocBodies();
            }
            else if (c == '\\' && At(1) == '\n')
            {
                _i += 2;
                _line++;
            }
            else if (c is ' ' or '\t' or '\r')
            {
                _i++;
            }
            else if (c == '#')
            {
                while (_i < _s.Length && _s[_i] != '\n')
                    _i++;
            }
            else if (Operators.FirstOrDefault(o => string.CompareOrdinal(_s, _i, o, 0, o.Length) == 0) is { } op)
            {
                _tokens.Add(new Token(TokenKind.Punct, op, _line, _line));
                _i += op.Length;
                if (op is "<<" or "<<-")
                    QueueHeredoc();
            }
            else
            {
                Word();
            }
        }
    }

    private void Word()
    {
        var startLine = _line;
        var word = new StringBuilder();
        var inner = new List<Token>();
        while (_i < _s.Length)
        {
            var c = _s[_i];
            if (c is ' ' or '\t' or '\n' or '\r' or ';' or '&' or '|' or '(' or ')' or '<' or '>')
                break;
            if (c == '\\' && _i + 1 < _s.Length)
            {
                if (_s[_i + 1] == '\n')
                    _line++;
                else
                    word.Append(_s[_i + 1]);
                _i += 2;
            }
            else if (c == '\'')
            {
                var end = _s.IndexOf('\'', _i + 1);
                end = end < 0 ? _s.Length : end;
                word.Append(_s, _i + 1, end - _i - 1);
                _line += _s[(_i + 1)..end].Count(ch => ch == '\n');
                _i = Math.Min(end + 1, _s.Length);
            }
            else if (c == '$' && At(1) == '\'')
            {
                var end = _i + 2;
                while (end < _s.Length && _s[end] != '\'')
                    end += _s[end] == '\\' ? 2 : 1;
                end = Math.Min(end, _s.Length);
                word.Append(StringEscapes.Decode(_s[(_i + 2)..end], SourceLanguage.Shell));
                _i = Math.Min(end + 1, _s.Length);
            }
            else if (c == '"' || (c == '$' && At(1) == '"'))
            {
                _i += c == '$' ? 2 : 1;
                DoubleQuoted(word, inner);
            }
            else if (c is '$' or '`')
            {
                Expansion(word, inner);
            }
            else
            {
                if (c == '\n')
                    _line++;
                word.Append(c);
                _i++;
            }
        }
        if (word.Length > 0)
            _tokens.Add(new Token(TokenKind.Word, word.ToString(), startLine, _line));
        _tokens.AddRange(inner);
    }

    private void DoubleQuoted(StringBuilder word, List<Token> inner)
    {
        while (_i < _s.Length && _s[_i] != '"')
        {
            var c = _s[_i];
            if (c == '\\' && At(1) is '"' or '\\' or '$' or '`' or '\n')
            {
                if (At(1) != '\n')
                    word.Append(At(1));
                else
                    _line++;
                _i += 2;
            }
            else if (c is '$' or '`')
            {
                Expansion(word, inner);
            }
            else
            {
                if (c == '\n')
                    _line++;
                word.Append(c);
                _i++;
            }
        }
        _i = Math.Min(_i + 1, _s.Length);
    }

    // $NAME, ${...}, $(...), $((...)), `...`: variable uses get a placeholder; substitutions are tokenised as commands.
    private void Expansion(StringBuilder word, List<Token> inner)
    {
        var c = _s[_i];
        if (c == '`')
        {
            var end = _s.IndexOf('`', _i + 1);
            end = end < 0 ? _s.Length : end;
            Substitution(_s[(_i + 1)..end], inner);
            word.Append("$(...)");
            _i = Math.Min(end + 1, _s.Length);
            return;
        }
        if (At(1) == '(')
        {
            var close = CFamilyTokenizer.FindClose(_s, _i + 1);
            Substitution(_s[(_i + 2)..Math.Min(close, _s.Length)], inner);
            word.Append("$(...)");
            _i = Math.Min(close + 1, _s.Length);
            return;
        }
        if (At(1) == '{')
        {
            var close = CFamilyTokenizer.FindClose(_s, _i + 1);
            var body = _s[(_i + 2)..Math.Min(close, _s.Length)];
            var indirect = body.StartsWith('!');
            var name = new string(body.TrimStart('!', '#').TakeWhile(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_').ToArray());
            if (name.Length == 0 && body.TrimStart('!', '#').Length > 0)
                name = body.TrimStart('!', '#')[..1];
            _variables.Add(new ShellVariableUse(name, _line, indirect));
            word.Append("${").Append(name).Append('}');
            var rest = body.TrimStart('!', '#')[name.Length..];
            if (rest.Length > 0)
                Substitution(rest.TrimStart(':', '-', '=', '+', '?', '#', '%', '/'), inner);
            _i = Math.Min(close + 1, _s.Length);
            return;
        }
        var start = _i + 1;
        var stop = start;
        if (stop < _s.Length && (char.IsAsciiDigit(_s[stop]) || "@*#?-$!".Contains(_s[stop])))
            stop++;
        else
            while (stop < _s.Length && (char.IsAsciiLetterOrDigit(_s[stop]) || _s[stop] == '_'))
                stop++;
        if (stop == start)
        {
            word.Append('$');
            _i++;
            return;
        }
        var variable = _s[start..stop];
        _variables.Add(new ShellVariableUse(variable, _line, Indirect: false));
        word.Append("${").Append(variable).Append('}');
        _i = stop;
    }

    private void Substitution(string text, List<Token> inner)
    {
        var (tokens, variables) = Tokenize(text, _line);
        inner.Add(new Token(TokenKind.Punct, "$(", _line, _line));
        inner.AddRange(tokens.Where(t => t.Kind != TokenKind.NewLine));
        inner.Add(new Token(TokenKind.Punct, ")", _line, _line));
        _variables.AddRange(variables);
        _line += text.Count(ch => ch == '\n');
    }

    private void QueueHeredoc()
    {
        while (_i < _s.Length && _s[_i] is ' ' or '\t')
            _i++;
        var start = _i;
        while (_i < _s.Length && !char.IsWhiteSpace(_s[_i]) && _s[_i] is not (';' or '&' or '|' or '<' or '>'))
            _i++;
        var delimiter = _s[start.._i].Trim('\'', '"').Replace("\\", "", StringComparison.Ordinal);
        if (delimiter.Length > 0)
            _pendingHeredocs.Add(delimiter);
    }

    private void ReadHeredocBodies()
    {
        foreach (var delimiter in _pendingHeredocs)
        {
            while (_i < _s.Length)
            {
                var end = _s.IndexOf('\n', _i);
                var lineText = _s[_i..(end < 0 ? _s.Length : end)];
                _i = end < 0 ? _s.Length : end + 1;
                var done = lineText.Trim('\t', ' ', '\r') == delimiter;
                if (!done && lineText.Length > 0)
                    _tokens.Add(new Token(TokenKind.String, lineText, _line, _line));
                _line++;
                if (done)
                    break;
            }
        }
        _pendingHeredocs.Clear();
    }
}
