using Ratchet.Oversight;

namespace Ratchet.Tests.Oversight.Rules;

public sealed class PythonTokenizerTests
{
    [Fact]
    public void Tokenize_DropsCommentsAndKeepsStringsWithTheirLines()
    {
        var tokens = PythonTokenizer.Tokenize("x = 1  # eval(y)\ns = '''a\nb'''\n");

        Assert.DoesNotContain(tokens, t => t.Text == "eval");
        var s = Assert.Single(tokens, t => t.Kind == TokenKind.String);
        Assert.Equal(("a\nb", 2, 3), (s.Text, s.Line, s.EndLine));
    }

    [Theory]
    [InlineData("'\\x65val'", "eval")]
    [InlineData("'\\u0065val'", "eval")]
    [InlineData("'\\145val'", "eval")]
    [InlineData("b'\\x65val'", "eval")]
    [InlineData("r'\\x65val'", "\\x65val")]
    [InlineData("'\\N{LATIN SMALL LETTER E}val'", "eval")]
    public void Tokenize_DecodesEscapesAsPythonDoes(string literal, string expected)
    {
        Assert.Equal(expected, PythonTokenizer.Tokenize(literal).Single().Text);
    }

    [Fact]
    public void Tokenize_SplitsFStringsIntoPartsAndCode()
    {
        var tokens = PythonTokenizer.Tokenize("f'a{eval(x)!r:>4}b'");

        Assert.Equal(["a", "+", "(", "eval", "(", "x", ")", "!", "r", ":", ">", "4", ")", "+", "b"], tokens.Select(t => t.Text));
    }

    [Fact]
    public void Tokenize_FoldsFullWidthAndMathematicalLettersToAscii()
    {
        Assert.Equal(["eval", "exec"], PythonTokenizer.Tokenize("ｅｖａｌ 𝐞𝐱𝐞𝐜").Select(t => t.Text));
    }

    [Fact]
    public void Tokenize_EndsLogicalLinesOnlyOutsideBrackets()
    {
        var tokens = PythonTokenizer.Tokenize("f(a,\n  b)\nx = 1 \\\n  + 2\n");

        Assert.Equal(2, tokens.Count(t => t.Kind == TokenKind.NewLine));
    }
}
