using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Ratchet.Proposers.Builtin.Text;

namespace Ratchet.Proposers.Builtin.Checks;

/// <summary>Cheap syntax checks run before a candidate is proposed, so an obviously broken program costs no sandbox
/// run: brackets for every file, indentation for Python, a full Roslyn parse for C#.</summary>
internal static class SyntaxCheck
{
    /// <summary>Null when <paramref name="child"/> has no more syntax errors than <paramref name="parent"/>, else why not.</summary>
    public static string? Compare(SourceFile parent, SourceFile child)
    {
        var before = Errors(parent);
        var after = Errors(child);
        return after.Count <= before.Count ? null : $"{child.Path}: {after[0]}";
    }

    /// <summary>Syntax errors in a file (empty when none is found).</summary>
    public static IReadOnlyList<string> Errors(SourceFile file)
    {
        var errors = new List<string>();
        if (Brackets(file) is { } bracket)
            errors.Add(bracket);
        if (file.Profile.Family == LanguageFamily.Python && PythonIndentation.Check(file) is { } indent)
            errors.Add(indent);
        if (file.Profile.Family == LanguageFamily.CSharp)
            errors.AddRange(CSharp(file));
        return errors;
    }

    private static string? Brackets(SourceFile file)
    {
        var stack = new Stack<char>();
        foreach (var token in file.Tokens)
        {
            if (token.Kind == TokenKind.Open)
            {
                stack.Push(file.Text[token.Start]);
            }
            else if (token.Kind == TokenKind.Close)
            {
                var close = file.Text[token.Start];
                if (stack.Count == 0 || Closer(stack.Pop()) != close)
                    return $"unbalanced '{close}' at offset {token.Start}";
            }
        }
        return stack.Count == 0 ? null : $"'{stack.Peek()}' never closed";
    }

    private static char Closer(char open) => open switch { '(' => ')', '[' => ']', _ => '}' };

    private static IEnumerable<string> CSharp(SourceFile file)
    {
        var kind = file.Path.EndsWith(".csx", StringComparison.OrdinalIgnoreCase) ? SourceCodeKind.Script : SourceCodeKind.Regular;
        var tree = CSharpSyntaxTree.ParseText(file.Text, new CSharpParseOptions(LanguageVersion.Preview, kind: kind));
        return tree.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => $"{d.Id} at line {d.Location.GetLineSpan().StartLinePosition.Line + 1}: {d.GetMessage()}");
    }
}
