using Ratchet.Proposers.Builtin.Text;

namespace Ratchet.Proposers.Builtin.Checks;

/// <summary>Python's indentation rules over logical lines: a block header must be followed by a deeper line, and
/// a dedent must return to an enclosing level.</summary>
internal static class PythonIndentation
{
    /// <summary>Null when the indentation is consistent, else the first problem.</summary>
    public static string? Check(SourceFile file)
    {
        var levels = new Stack<string>();
        levels.Push("");
        var expectIndent = false;
        var atLineStart = true;
        var depth = 0;
        string? last = null;
        foreach (var token in file.Tokens)
        {
            if (token.Kind == TokenKind.Newline && depth <= 0 && last != "\\")
            {
                if (!atLineStart)
                    expectIndent = last == ":";
                atLineStart = true;
                continue;
            }
            if (!token.IsSignificant)
                continue;
            if (atLineStart && Indent(file, token, levels, expectIndent) is { } problem)
                return problem;
            if (atLineStart)
                expectIndent = false;
            atLineStart = false;
            depth += token.Kind switch { TokenKind.Open => 1, TokenKind.Close => -1, _ => 0 };
            last = file.TextOf(token);
        }
        return expectIndent ? "a block header at the end of the file has no body" : null;
    }

    private static string? Indent(SourceFile file, Token token, Stack<string> levels, bool expectIndent)
    {
        var lineStart = file.Text.LastIndexOf('\n', Math.Max(0, token.Start - 1)) + 1;
        if (token.Start == 0)
            lineStart = 0;
        var indent = file.Text[lineStart..token.Start];
        var line = file.Text.AsSpan(0, token.Start).Count('\n') + 1;
        var top = levels.Peek();
        if (expectIndent)
        {
            if (indent.Length <= top.Length || !indent.StartsWith(top, StringComparison.Ordinal))
                return $"line {line}: expected an indented block";
            levels.Push(indent);
            return null;
        }
        if (indent == top)
            return null;
        if (indent.Length > top.Length)
            return $"line {line}: unexpected indent";
        while (levels.Count > 1 && levels.Peek().Length > indent.Length)
            levels.Pop();
        return levels.Peek() == indent ? null : $"line {line}: unindent does not match any outer level";
    }
}
