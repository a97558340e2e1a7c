namespace Ratchet.Evaluation.Build;

/// <summary>A linear pre-check of source text for shapes that make Roslyn slow beyond its cancellation checks:
/// very deep bracket nesting (parsing turns quadratic) and very long flat operator chains (nullable analysis).</summary>
/// <remarks>A raw character scan on purpose: strings, comments and interpolation holes all count, so no lexer mode hides
/// a nest from it. Only unbalanced brackets inside strings or comments could trip it, which real programs rarely have.</remarks>
internal static class SourceShape
{
    private const string Operators = "+-*/%&|^<>?";

    /// <summary>Null when <paramref name="text"/> is within the caps, else a reason naming the line.</summary>
    public static string? Check(string path, string text, int maxNesting, int maxOperatorRun)
    {
        var depth = 0;
        var line = 1;
        // Operators seen since the last separator, per nesting depth (a nested bracket pauses the outer run).
        var runs = new int[maxNesting + 2];
        foreach (var c in text)
        {
            switch (c)
            {
                case '\n':
                    line++;
                    break;
                case '(' or '[' or '{':
                    depth++;
                    if (depth > maxNesting)
                    {
                        return $"{path}:{line}: brackets nest deeper than {maxNesting} levels " +
                            "(CSharpBuildOptions.MaxNestingDepth); flatten the expression or split it into methods";
                    }
                    runs[depth] = 0;
                    break;
                case ')' or ']' or '}':
                    depth = Math.Max(0, depth - 1);
                    if (c == '}')
                        runs[depth] = 0;
                    break;
                case ';' or ',':
                    runs[depth] = 0;
                    break;
                default:
                    if (Operators.Contains(c, StringComparison.Ordinal) && ++runs[depth] > maxOperatorRun)
                    {
                        return $"{path}:{line}: more than {maxOperatorRun} operators in one expression " +
                            "(CSharpBuildOptions.MaxOperatorRun); use a loop or split the expression";
                    }
                    break;
            }
        }
        return null;
    }
}
