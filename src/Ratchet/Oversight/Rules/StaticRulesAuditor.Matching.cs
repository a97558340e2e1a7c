namespace Ratchet.Oversight;

public sealed partial class StaticRulesAuditor
{
    // (line, detail) of every match that touches an added or changed line.
    private static IEnumerable<(int Line, string? Detail)> Matches(StaticRule rule, SourceFile file, RuleContext context)
    {
        switch (rule.Matcher)
        {
            case TokenRuleMatcher tokens:
                var starts = file.StartsNearChanges(tokens.Compiled.Max(p => p.MaxSpan));
                for (var start = 0; start < file.Tokens.Count; start++)
                {
                    if (!starts[start])
                        continue;
                    foreach (var pattern in tokens.Compiled)
                    {
                        if (!pattern.TryMatch(file.Tokens, start, out var end))
                            continue;
                        if (tokens.CompiledUnless.Any(u => u.TryMatch(file.Tokens, start, out _)))
                            break;
                        var changed = FirstChanged(file, start, Math.Max(end, start + 1));
                        if (changed is not null)
                            yield return (changed.Line, null);
                        break;
                    }
                }
                break;
            case LineRegexRuleMatcher regex:
                foreach (var line in file.Changed.Order())
                {
                    if (TokenPattern.SafeMatch(regex.Compiled, file.NormalisedLine(line)))
                        yield return (line, null);
                }
                break;
            case DetectorRuleMatcher detector:
                foreach (var (at, detail) in RuleDetectors.Get(detector.Detector).Find(file, context))
                {
                    if (file.IsChanged(at))
                        yield return (FirstChangedLine(file, at), detail);
                }
                break;
        }
    }

    private static Token? FirstChanged(SourceFile file, int start, int end)
    {
        for (var i = start; i < end && i < file.Tokens.Count; i++)
        {
            if (file.IsChanged(file.Tokens[i]))
                return file.Tokens[i] with { Line = FirstChangedLine(file, file.Tokens[i]) };
        }
        return null;
    }

    private static int FirstChangedLine(SourceFile file, Token token)
    {
        for (var line = token.Line; line <= token.EndLine; line++)
        {
            if (file.Changed.Contains(line))
                return line;
        }
        return token.Line;
    }
}
