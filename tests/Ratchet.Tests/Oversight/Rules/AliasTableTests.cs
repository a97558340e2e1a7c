using Ratchet.Oversight;

namespace Ratchet.Tests.Oversight.Rules;

public sealed class AliasTableTests
{
    [Theory]
    [InlineData("import subprocess as sp\nsp.run()", "subprocess . run")]
    [InlineData("from os import system as s\ns()", "os . system")]
    [InlineData("import os\nf = os.popen\nf()", "os . popen")]
    [InlineData("e = eval\ng = e\ng('x')", "eval (")]
    [InlineData("o = __import__('os')\no.kill(1)", "os . kill")]
    public void Expand_Python_SeesThroughAliases(string code, string expected)
    {
        var tokens = PythonTokenizer.Tokenize(code);
        var expanded = PythonAliases.Build(tokens).Expand(tokens);

        Assert.Contains(expected, string.Join(' ', expanded.Select(t => t.Text)), StringComparison.Ordinal);
    }

    [Fact]
    public void Expand_Python_LeavesTheNameAtItsBindingSite()
    {
        var tokens = PythonTokenizer.Tokenize("import os\nf = os.popen\n");
        var expanded = PythonAliases.Build(tokens).Expand(tokens);

        Assert.Equal("import os \n f = os . popen \n", string.Join(' ', expanded.Select(t => t.Text)));
    }

    [Theory]
    [InlineData("const cp = require('node:child_process'); cp.exec()", "child_process . exec")]
    [InlineData("const { exec: run } = require('child_process'); run()", "child_process . exec")]
    [InlineData("import * as net from 'net'; net.connect()", "net . connect")]
    [InlineData("const p = globalThis.process; p.env", "process . env")]
    public void Expand_JavaScript_SeesThroughAliases(string code, string expected)
    {
        var tokens = CFamilyTokenizer.Tokenize(code, SourceLanguage.JavaScript);
        var expanded = JavaScriptAliases.Build(tokens).Expand(tokens, JavaScriptAliases.GlobalObjects);

        Assert.Contains(expected, string.Join(' ', expanded.Select(t => t.Text)), StringComparison.Ordinal);
    }

    [Fact]
    public void Expand_CSharpAndC_SeeThroughUsingAliasesAndDefines()
    {
        var cs = CFamilyTokenizer.Tokenize("using E = System.Environment; E.Exit(0);", SourceLanguage.CSharp);
        var c = CFamilyTokenizer.Tokenize("#define RUN system\nRUN(\"x\");", SourceLanguage.C);

        Assert.Contains("Environment . Exit", string.Join(' ', CurlyAliases.Build(cs, SourceLanguage.CSharp).Expand(cs).Select(t => t.Text)), StringComparison.Ordinal);
        Assert.Contains("system (", string.Join(' ', CurlyAliases.Build(c, SourceLanguage.C).Expand(c).Select(t => t.Text)), StringComparison.Ordinal);
    }
}
