namespace Ratchet.Oversight;

/// <summary>Builds the <see cref="AliasTable"/> of a JavaScript/TypeScript file: <c>require("m")</c>, <c>import x from "m"</c>,
/// <c>import * as x</c>, <c>import {a as b}</c>, destructuring (<c>const {exec: e} = require("child_process")</c>,
/// <c>const {env} = process</c>) and <c>const x = a.b</c> when <c>a</c> is a module, an alias or an interesting global.</summary>
internal static class JavaScriptAliases
{
    /// <summary>Globals whose aliases matter.</summary>
    public static readonly IReadOnlySet<string> InterestingGlobals = new HashSet<string>(StringComparer.Ordinal)
    {
        "process", "globalThis", "global", "window", "self", "eval", "Function", "require", "Reflect", "Date", "performance",
        "Math", "Object", "Symbol", "Buffer", "Deno", "Bun", "module", "constructor", "fetch", "WebAssembly", "import",
    };

    /// <summary>Names that stand for the global object; <c>globalThis.x</c> is judged as <c>x</c>.</summary>
    public static readonly IReadOnlySet<string> GlobalObjects = new HashSet<string>(StringComparer.Ordinal) { "globalThis", "global", "window" };

    public static AliasTable Build(List<Token> t)
    {
        var table = new AliasTable();
        for (var k = 0; k < t.Count; k++)
        {
            if (t[k].IsNamed("import") && !(k > 0 && t[k - 1].Is(".")))
                Import(t, k + 1, table);
            else if (t[k].IsName && k + 2 < t.Count && t[k + 1].Is("=") && !(k > 0 && t[k - 1].Is(".")))
                Assign(t, k, table);
            else if (t[k].Is("{") && k > 0 && t[k - 1].IsName && t[k - 1].Text is "const" or "let" or "var")
                Destructure(t, k, table);
        }
        return table;
    }

    public static List<Token> Module(string specifier) =>
        AliasTable.Dotted(specifier.StartsWith("node:", StringComparison.Ordinal) ? specifier[5..].Split('/') : specifier.Split('/'));

    // import x from "m" | import * as x from "m" | import {a as b, c} from "m" | import x, {a} from "m"
    private static void Import(List<Token> t, int k, AliasTable table)
    {
        var end = k;
        while (end < t.Count && !t[end].IsNamed("from") && !t[end].Is(";") && end - k < 64)
            end++;
        if (end + 1 >= t.Count || !t[end].IsNamed("from") || t[end + 1].Kind != TokenKind.String)
            return;
        var module = Module(t[end + 1].Text);
        for (var i = k; i < end; i++)
        {
            if (t[i].Is("*") && i + 2 < end && t[i + 1].IsNamed("as"))
                Bind(table, i + 2, t[i + 2].Text, module);
            else if (t[i].IsName && i == k && t[i].Text != "type")
                Bind(table, i, t[i].Text, module);
            else if (t[i].IsName && i > k && t[i - 1].Is(",") && !InBraces(t, k, i))
                Bind(table, i, t[i].Text, module);
            else if (t[i].IsName && InBraces(t, k, i) && (t[i - 1].Is("{") || t[i - 1].Is(",")))
            {
                var exported = t[i].Text;
                var local = i + 2 < end && t[i + 1].IsNamed("as") ? i + 2 : i;
                Bind(table, local, t[local].Text, [.. module, new Token(TokenKind.Punct, ".", 0, 0), new Token(TokenKind.Identifier, exported, 0, 0)]);
            }
        }
    }

    private static bool InBraces(List<Token> t, int from, int at)
    {
        var depth = 0;
        for (var i = from; i < at; i++)
            depth += t[i].Is("{") ? 1 : t[i].Is("}") ? -1 : 0;
        return depth > 0;
    }

    // x = require("m") | x = a.b.c | x = await import("m")
    private static void Assign(List<Token> t, int k, AliasTable table)
    {
        var v = k + 2;
        if (t[v].IsNamed("await"))
            v++;
        if (v + 3 < t.Count && t[v].IsName && t[v].Text is "require" or "import" && t[v + 1].Is("(") && t[v + 2].Kind == TokenKind.String && t[v + 3].Is(")"))
        {
            Bind(table, k, t[k].Text, Module(t[v + 2].Text));
            return;
        }
        var parts = Dotted(t, ref v);
        if (parts.Count > 0 && (v >= t.Count || t[v].Kind != TokenKind.Punct || t[v].Text is ";" or "," or ")" or "}")
            && table.IsInteresting(parts[0], InterestingGlobals))
            Bind(table, k, t[k].Text, AliasTable.Dotted(parts));
    }

    // const { a, b: c } = require("m") | = a.b
    private static void Destructure(List<Token> t, int open, AliasTable table)
    {
        var close = open;
        while (close < t.Count && !t[close].Is("}"))
            close++;
        if (close + 2 >= t.Count || !t[close + 1].Is("="))
            return;
        var v = close + 2;
        List<Token> source;
        if (v + 3 < t.Count && t[v].IsName && t[v].Text is "require" && t[v + 1].Is("(") && t[v + 2].Kind == TokenKind.String)
            source = Module(t[v + 2].Text);
        else if (Dotted(t, ref v) is { Count: > 0 } parts && table.IsInteresting(parts[0], InterestingGlobals))
            source = AliasTable.Dotted(parts);
        else
            return;
        for (var i = open + 1; i < close; i++)
        {
            if (!t[i].IsName || !(t[i - 1].Is("{") || t[i - 1].Is(",")))
                continue;
            var local = i + 2 < close && t[i + 1].Is(":") && t[i + 2].IsName ? i + 2 : i;
            Bind(table, local, t[local].Text, [.. source, new Token(TokenKind.Punct, ".", 0, 0), new Token(TokenKind.Identifier, t[i].Text, 0, 0)]);
        }
    }

    private static void Bind(AliasTable table, int index, string name, List<Token> stands)
    {
        table.Add(name, stands);
        table.Bindings.Add(index);
        table.Modules.Add(name);
    }

    private static List<string> Dotted(List<Token> t, ref int k)
    {
        var parts = new List<string>();
        while (k < t.Count && t[k].IsName)
        {
            parts.Add(t[k].Text);
            k++;
            if (k + 1 < t.Count && t[k].Is(".") && t[k + 1].IsName)
                k++;
            else
                break;
        }
        return parts;
    }
}
