namespace Ratchet.Oversight;

/// <summary>Finds assignments to (or deletions of) attributes of imported modules and, in JavaScript, of built-in objects:
/// <c>time.time = fake</c>, <c>np.random.seed = f</c>, <c>Math.random = () =&gt; 0.5</c>, <c>del os.environ</c>. With
/// <c>constant: true</c> it finds the harmless-looking kind instead: a module attribute set to a literal constant.</summary>
internal sealed class ModuleAssignmentDetector(bool constant) : IRuleDetector
{
    private static readonly HashSet<string> JsBuiltins =
    [
        "Date", "performance", "Math", "JSON", "Object", "Array", "Number", "String", "Boolean", "Promise", "console", "process",
        "Reflect", "Symbol", "Function", "Error", "RegExp", "Buffer", "Intl", "BigInt", "Map", "Set", "WeakMap", "Atomics", "crypto",
    ];

    private static readonly HashSet<string> Constants = ["True", "False", "None", "true", "false", "null", "undefined"];

    public IEnumerable<(Token At, string? Detail)> Find(SourceFile file, RuleContext context)
    {
        if (file.Language is not (SourceLanguage.Python or SourceLanguage.JavaScript))
            yield break;
        var t = file.Tokens;
        for (var i = 0; i < t.Count; i++)
        {
            if (!t[i].IsName || (i > 0 && t[i - 1].Kind == TokenKind.Punct && t[i - 1].Text is "." or "?."))
                continue;
            var root = t[i].Text;
            var isModule = file.Aliases.Modules.Contains(root) || (file.Language == SourceLanguage.JavaScript && JsBuiltins.Contains(root));
            if (!isModule)
                continue;
            var j = i + 1;
            while (j + 1 < t.Count && t[j].Is(".") && t[j + 1].IsName)
                j += 2;
            if (j == i + 1)
                continue;
            var path = string.Join("", t.Skip(i).Take(j - i).Select(x => x.Text));
            var deleted = i > 0 && t[i - 1].IsName && t[i - 1].Text is "del" or "delete";
            if (deleted && !constant)
            {
                yield return (t[i], $"deletes {path}");
                continue;
            }
            if (j >= t.Count || !t[j].Is("="))
                continue;
            var value = j + 1 < t.Count ? t[j + 1] : null;
            var isConstant = value is not null && (value.Kind is TokenKind.Number or TokenKind.String || Constants.Contains(value.Text)
                || (value.Is("-") && j + 2 < t.Count && t[j + 2].Kind == TokenKind.Number));
            if (isConstant == constant)
                yield return (t[i], constant ? $"sets {path} to a constant" : $"replaces {path}");
        }
    }
}
