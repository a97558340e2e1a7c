using CsCheck;
using Ratchet.Proposers.Builtin.Text;

namespace Ratchet.Tests.Proposers.Builtin.Text;

public sealed class TokenizerTests
{
    private static List<(TokenKind Kind, string Text)> Significant(string text, LanguageProfile profile) =>
        [.. Tokenizer.Tokenize(text, profile).Where(t => t.Kind is not (TokenKind.Whitespace or TokenKind.Newline)).Select(t => (t.Kind, t.TextIn(text)))];

    [Fact]
    public void Tokenize_WhenAnyText_TokensCoverItExactlyInOrder()
    {
        Check.Sample(Gen.String[Gen.Char["ab1 .\"'`/*#{}()[]$@\\\n-+<=>"], 0, 80], text =>
        {
            foreach (var profile in new[] { LanguageProfile.CSharp, LanguageProfile.Python, LanguageProfile.JavaScript, LanguageProfile.CLike, LanguageProfile.Generic })
            {
                var at = 0;
                foreach (var token in Tokenizer.Tokenize(text, profile))
                {
                    Assert.Equal(at, token.Start);
                    Assert.True(token.Length > 0);
                    at = token.End;
                }
                Assert.Equal(text.Length, at);
            }
        }, iter: 2000);
    }

    [Fact]
    public void Tokenize_CSharpStrings_AreSingleStringTokens()
    {
        const string code = "var a = @\"c:\\x \"\" 1\"; var b = $\"{x + \"}\"} 2\"; var c = \"\"\"raw \" 3\"\"\"; char d = '}';";
        var strings = Significant(code, LanguageProfile.CSharp).Where(t => t.Kind == TokenKind.String).Select(t => t.Text).ToArray();
        Assert.Equal(["@\"c:\\x \"\" 1\"", "$\"{x + \"}\"} 2\"", "\"\"\"raw \" 3\"\"\"", "'}'"], strings);
    }

    [Fact]
    public void Tokenize_CSharpDirectiveAndComments_AreProtected()
    {
        const string code = "#if DEBUG\nx = 1; // 2 < 3\n/* 4 } */ y = 5;\n";
        var tokens = Significant(code, LanguageProfile.CSharp);
        Assert.Contains((TokenKind.Directive, "#if DEBUG"), tokens);
        Assert.Contains((TokenKind.Comment, "// 2 < 3"), tokens);
        Assert.Contains((TokenKind.Comment, "/* 4 } */"), tokens);
        Assert.Equal(["1", "5"], tokens.Where(t => t.Kind == TokenKind.Number).Select(t => t.Text));
    }

    [Fact]
    public void Tokenize_PythonStrings_HandlePrefixesAndTripleQuotes()
    {
        const string code = "a = f'{b}' + rb\"x\\\"\" + '''one\n# 2\n''' # 3\nc = 4\n";
        var tokens = Significant(code, LanguageProfile.Python);
        Assert.Equal(["f'{b}'", "rb\"x\\\"\"", "'''one\n# 2\n'''"], tokens.Where(t => t.Kind == TokenKind.String).Select(t => t.Text));
        Assert.Equal(["# 3"], tokens.Where(t => t.Kind == TokenKind.Comment).Select(t => t.Text));
        Assert.Equal(["4"], tokens.Where(t => t.Kind == TokenKind.Number).Select(t => t.Text));
    }

    [Fact]
    public void Tokenize_JavaScript_TellsRegexFromDivisionAndSkipsTemplateHoles()
    {
        const string code = "let r = /a[/]b/g; let q = x / 2 / y; let t = `v ${ {a: `1`}.a } 3`;";
        var tokens = Significant(code, LanguageProfile.JavaScript);
        Assert.Equal(["/a[/]b/g", "`v ${ {a: `1`}.a } 3`"], tokens.Where(t => t.Kind == TokenKind.String).Select(t => t.Text));
        Assert.Equal(["2"], tokens.Where(t => t.Kind == TokenKind.Number).Select(t => t.Text));
    }

    [Fact]
    public void Tokenize_CPreprocessorAndCharLiterals_AreProtected()
    {
        const string code = "#include <stdio.h>\n#define N \\\n  10\nchar c = '{'; int x = 3;\n";
        var tokens = Significant(code, LanguageProfile.CLike);
        Assert.Equal(["#include <stdio.h>", "#define N \\\n  10"], tokens.Where(t => t.Kind == TokenKind.Directive).Select(t => t.Text));
        Assert.Contains((TokenKind.String, "'{'"), tokens);
        Assert.Equal(["3"], tokens.Where(t => t.Kind == TokenKind.Number).Select(t => t.Text));
    }

    [Fact]
    public void Tokenize_GenericUnterminatedQuote_ProtectsRestOfLine()
    {
        const string code = "a = 'it 3 < 4\nb = 5\n";
        var tokens = Significant(code, LanguageProfile.Generic);
        Assert.Contains((TokenKind.String, "'it 3 < 4"), tokens);
        Assert.Equal(["5"], tokens.Where(t => t.Kind == TokenKind.Number).Select(t => t.Text));
    }

    [Theory]
    [InlineData("1.5e-3", "1.5e-3")]
    [InlineData("0x1F", "0x1F")]
    [InlineData("1_000", "1_000")]
    [InlineData(".25", ".25")]
    [InlineData("2.0f", "2.0f")]
    public void Tokenize_Numbers_AreWholeTokens(string code, string expected) =>
        Assert.Equal([(TokenKind.Number, expected)], Significant(code, LanguageProfile.CSharp));

    [Fact]
    public void Tokenize_NumberFollowedByMemberAccess_StopsBeforeTheDot()
    {
        var tokens = Significant("5.ToString()", LanguageProfile.CSharp);
        Assert.Equal((TokenKind.Number, "5"), tokens[0]);
    }
}
