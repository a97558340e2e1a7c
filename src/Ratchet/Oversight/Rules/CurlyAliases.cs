namespace Ratchet.Oversight;

/// <summary>Builds the <see cref="AliasTable"/> of a C# file (<c>using X = A.B.C;</c>) or a C/C++ file
/// (object-like <c>#define NAME tokens</c>, and <c>using X = A::B;</c> / <c>namespace X = A::B;</c>).</summary>
internal static class CurlyAliases
{
    public static AliasTable Build(List<Token> t, SourceLanguage language)
    {
        var table = new AliasTable();
        for (var k = 0; k + 3 < t.Count; k++)
        {
            if (t[k].IsName && t[k].Text is "using" or "namespace" && t[k + 1].IsName && t[k + 2].Is("=") && !(k > 0 && t[k - 1].Is(".")))
            {
                var parts = new List<Token>();
                for (var v = k + 3; v < t.Count && !t[v].Is(";") && parts.Count < 32; v++)
                    parts.Add(t[v].Is("::") ? t[v] with { Text = "." } : t[v]);
                table.Add(t[k + 1].Text, parts);
                table.Bindings.Add(k + 1);
                table.Modules.Add(t[k + 1].Text);
            }
            else if (language is SourceLanguage.C or SourceLanguage.Other && t[k].Is("#") && t[k + 1].IsNamed("define") && t[k + 2].IsName
                     && t[k + 2].Line == t[k].Line)
            {
                var name = t[k + 2];
                var body = new List<Token>();
                for (var v = k + 3; v < t.Count && t[v].Line == name.Line; v++)
                    body.Add(t[v]);
                // NAME( right after the name is a function-like macro; its body is judged where it is written.
                if (body.Count > 0 && !(body[0].Is("(") && name.EndLine == body[0].Line))
                    table.Add(name.Text, body);
                table.Bindings.Add(k + 2);
            }
        }
        return table;
    }
}
