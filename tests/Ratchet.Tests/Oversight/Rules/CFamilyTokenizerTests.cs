using Ratchet.Oversight;

namespace Ratchet.Tests.Oversight.Rules;

public sealed class CFamilyTokenizerTests
{
    [Fact]
    public void Tokenize_DropsBothCommentKinds()
    {
        var tokens = CFamilyTokenizer.Tokenize("a /* system() */ b // exec\nc", SourceLanguage.C);

        Assert.Equal(["a", "b", "c"], tokens.Select(t => t.Text));
    }

    [Fact]
    public void Tokenize_DecodesIdentifierEscapesInCSharpAndJavaScript()
    {
        Assert.Equal("Exit", CFamilyTokenizer.Tokenize("\\u0045xit", SourceLanguage.CSharp).Single().Text);
        Assert.Equal("eval", CFamilyTokenizer.Tokenize("\\u{65}val", SourceLanguage.JavaScript).Single().Text);
        Assert.Equal("class", CFamilyTokenizer.Tokenize("@class", SourceLanguage.CSharp).Single().Text);
    }

    [Theory]
    [InlineData("@\"a\"\"b\"", "a\"b")]
    [InlineData("\"\"\"\n  raw \\n\n  \"\"\"", "\n  raw \\n\n  ")]
    [InlineData("\"\\u0045xit\"", "Exit")]
    public void Tokenize_ReadsCSharpStrings(string literal, string expected)
    {
        Assert.Equal(expected, CFamilyTokenizer.Tokenize(literal, SourceLanguage.CSharp).Single().Text);
    }

    [Fact]
    public void Tokenize_SplitsTemplatesAndInterpolationsIntoPartsAndCode()
    {
        var js = CFamilyTokenizer.Tokenize("`a${x}b`", SourceLanguage.JavaScript).Select(t => t.Text);
        var cs = CFamilyTokenizer.Tokenize("$\"a{x}b\"", SourceLanguage.CSharp).Select(t => t.Text);

        Assert.Equal(["a", "+", "(", "x", ")", "+", "b"], js);
        Assert.Equal(["a", "+", "(", "x", ")", "+", "b"], cs);
    }

    [Fact]
    public void Tokenize_TellsJavaScriptRegexLiteralsFromDivision()
    {
        var tokens = CFamilyTokenizer.Tokenize("x = a / b; r = /\\.\\.\\//g;", SourceLanguage.JavaScript);

        Assert.Contains(tokens, t => t.Is("/"));
        Assert.Single(tokens, t => t.Kind == TokenKind.Regex);
        Assert.DoesNotContain(tokens, t => t.Kind == TokenKind.String);
    }

    [Fact]
    public void Tokenize_ReadsIncludesAndCppRawStrings()
    {
        var tokens = CFamilyTokenizer.Tokenize("#include <sys/socket.h>\nauto s = R\"x(/etc/passwd)x\";", SourceLanguage.C);

        Assert.Equal("#include", tokens[0].Text);
        Assert.Equal("sys/socket.h", tokens[1].Text);
        Assert.Contains(tokens, t => t.Kind == TokenKind.String && t.Text == "/etc/passwd");
    }
}
