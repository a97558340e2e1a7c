namespace Ratchet.Oversight;

/// <summary>Builds the <see cref="AliasTable"/> of a Python file: <c>import a.b as x</c>, <c>from a import b as c</c>,
/// <c>x = a.b</c> (when <c>a</c> is a module, an alias or a dangerous builtin), <c>x = __import__("m")</c>,
/// <c>x = importlib.import_module("m")</c> and <c>x = getattr(a, "b")</c>.</summary>
internal static class PythonAliases
{
    /// <summary>Builtins whose aliases matter (<c>e = eval</c>).</summary>
    public static readonly IReadOnlySet<string> DangerousBuiltins = new HashSet<string>(StringComparer.Ordinal)
    {
        "eval", "exec", "compile", "__import__", "getattr", "setattr", "delattr", "globals", "locals", "vars", "open",
        "breakpoint", "exit", "quit", "__builtins__", "chr", "type", "object", "memoryview", "input", "help",
    };

    public static AliasTable Build(List<Token> tokens)
    {
        var table = new AliasTable();
        foreach (var (start, end) in Statements(tokens))
        {
            var k = start;
            while (k < end && !((k == start || tokens[k - 1].Is(":"))
                                && (tokens[k].IsName && tokens[k].Text is "import" or "from" || Assignment(tokens, k, end))))
                k++;
            if (k >= end)
                continue;
            if (tokens[k].IsNamed("import"))
                Import(tokens, k + 1, end, table);
            else if (tokens[k].IsNamed("from"))
                From(tokens, k + 1, end, table);
            else
                Assign(tokens, k, end, table);
        }
        return table;
    }

    private static IEnumerable<(int Start, int End)> Statements(List<Token> tokens)
    {
        var start = 0;
        for (var i = 0; i <= tokens.Count; i++)
        {
            if (i == tokens.Count || tokens[i].Kind == TokenKind.NewLine || tokens[i].Is(";"))
            {
                if (i > start)
                    yield return (start, i);
                start = i + 1;
            }
        }
    }

    private static bool Assignment(List<Token> t, int k, int end) =>
        k + 2 < end && t[k].Kind == TokenKind.Identifier && t[k + 1].Is("=");

    // import a.b.c as x, d
    private static void Import(List<Token> t, int k, int end, AliasTable table)
    {
        while (k < end)
        {
            var parts = Dotted(t, ref k, end);
            if (parts.Count == 0)
                return;
            if (k + 1 < end && t[k].IsNamed("as") && t[k + 1].Kind == TokenKind.Identifier)
            {
                table.Add(t[k + 1].Text, AliasTable.Dotted(parts));
                table.Modules.Add(t[k + 1].Text);
                table.Bindings.Add(k + 1);
                k += 2;
            }
            table.Modules.Add(parts[0]);
            if (k < end && t[k].Is(","))
                k++;
            else
                return;
        }
    }

    // from a.b import c as d, e   |   from a import (c, d)
    private static void From(List<Token> t, int k, int end, AliasTable table)
    {
        if (k < end && t[k].Is("."))
            return;
        var module = Dotted(t, ref k, end);
        if (module.Count == 0 || k >= end || !t[k].IsNamed("import"))
            return;
        table.Modules.Add(module[0]);
        k++;
        while (k < end)
        {
            if (t[k].Kind == TokenKind.Punct && t[k].Text is "(" or ")" or ",")
            {
                k++;
                continue;
            }
            if (t[k].Kind != TokenKind.Identifier)
                return;
            var name = t[k].Text;
            var full = AliasTable.Dotted([.. module, name]);
            table.Rewrites[k] = full;
            var bound = name;
            if (k + 2 < end && t[k + 1].IsNamed("as") && t[k + 2].Kind == TokenKind.Identifier)
            {
                bound = t[k + 2].Text;
                table.Bindings.Add(k + 2);
                k += 2;
            }
            table.Add(bound, full);
            table.Modules.Add(bound);
            k++;
        }
    }

    // x = a.b   |   x = __import__("m")   |   x = importlib.import_module("m")   |   x = getattr(a, "b")
    private static void Assign(List<Token> t, int k, int end, AliasTable table)
    {
        var name = t[k].Text;
        var v = k + 2;
        if (t[v].IsNamed("__import__") && v + 3 < end && t[v + 1].Is("(") && t[v + 2].Kind == TokenKind.String)
        {
            Bind(table, k, name, AliasTable.Dotted(t[v + 2].Text.Split('.')), module: true);
            table.Modules.Add(t[v + 2].Text.Split('.')[0]);
            return;
        }
        if (t[v].IsNamed("importlib") && v + 5 < end && t[v + 1].Is(".") && t[v + 2].IsNamed("import_module") && t[v + 3].Is("(") && t[v + 4].Kind == TokenKind.String)
        {
            Bind(table, k, name, AliasTable.Dotted(t[v + 4].Text.Split('.')), module: true);
            return;
        }
        if (t[v].IsNamed("getattr") && v + 6 <= end && t[v + 1].Is("(") && t[v + 2].Kind == TokenKind.Identifier && t[v + 3].Is(",")
            && t[v + 4].Kind == TokenKind.String && t[v + 5].Is(")") && table.IsInteresting(t[v + 2].Text, DangerousBuiltins))
        {
            Bind(table, k, name, AliasTable.Dotted([t[v + 2].Text, t[v + 4].Text]), module: true);
            return;
        }
        var parts = Dotted(t, ref v, end);
        if (parts.Count > 0 && v == end && table.IsInteresting(parts[0], DangerousBuiltins))
            Bind(table, k, name, AliasTable.Dotted(parts), module: table.Modules.Contains(parts[0]) || table.Aliases.ContainsKey(parts[0]));
    }

    private static void Bind(AliasTable table, int index, string name, List<Token> stands, bool module)
    {
        table.Add(name, stands);
        table.Bindings.Add(index);
        if (module)
            table.Modules.Add(name);
    }

    private static List<string> Dotted(List<Token> t, ref int k, int end)
    {
        var parts = new List<string>();
        while (k < end && t[k].Kind == TokenKind.Identifier)
        {
            parts.Add(t[k].Text);
            k++;
            if (k + 1 < end && t[k].Is(".") && t[k + 1].Kind == TokenKind.Identifier)
                k++;
            else
                break;
        }
        return parts;
    }
}
