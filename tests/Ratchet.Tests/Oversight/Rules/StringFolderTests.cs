using Ratchet.Oversight;

namespace Ratchet.Tests.Oversight.Rules;

public sealed class StringFolderTests
{
    [Theory]
    [InlineData("'ev' + 'al'", "eval")]
    [InlineData("'ev' 'al'", "eval")]
    [InlineData("'lave'[::-1]", "eval")]
    [InlineData("'xxevalxx'[2:6]", "eval")]
    [InlineData("'-'.join(['a', 'b'])", "a-b")]
    [InlineData("''.join(('e', 'v', 'a', 'l'))", "eval")]
    [InlineData("chr(101) + 'val'", "eval")]
    [InlineData("bytes.fromhex('6576616c').decode()", "eval")]
    [InlineData("base64.b64decode('ZXZhbA==')", "eval")]
    [InlineData("codecs.decode('riny', 'rot_13')", "eval")]
    [InlineData("'%c%s' % (101, 'val')", "eval")]
    [InlineData("'EVAL'.lower()", "eval")]
    [InlineData("'_' * 2 + 'x'", "__x")]
    [InlineData("('e') + ('val')", "eval")]
    public void Fold_Python_BuildsTheConstant(string expression, string expected)
    {
        var folded = StringFolder.Fold(PythonTokenizer.Tokenize(expression), SourceLanguage.Python);

        Assert.Equal(expected, Assert.Single(folded).Text);
    }

    [Theory]
    [InlineData("String.fromCharCode(101, 118, 97, 108)", "eval")]
    [InlineData("atob('ZXZhbA==')", "eval")]
    [InlineData("['e', 'v'].join('') + 'al'", "eval")]
    [InlineData("'eXval'.replace('X', '')", "eval")]
    [InlineData("unescape('%65val')", "eval")]
    public void Fold_JavaScript_BuildsTheConstant(string expression, string expected)
    {
        var folded = StringFolder.Fold(CFamilyTokenizer.Tokenize(expression, SourceLanguage.JavaScript), SourceLanguage.JavaScript);

        Assert.Equal(expected, Assert.Single(folded).Text);
    }

    [Fact]
    public void Fold_KeepsPrecedence()
    {
        var folded = StringFolder.Fold(PythonTokenizer.Tokenize("x * 'a' + 'b'"), SourceLanguage.Python);

        Assert.Equal(["x", "*", "a", "+", "b"], folded.Select(t => t.Text));
    }

    [Fact]
    public void Fold_LeavesCallsWithStringArgumentsAlone()
    {
        var folded = StringFolder.Fold(PythonTokenizer.Tokenize("print('a')"), SourceLanguage.Python);

        Assert.Equal(["print", "(", "a", ")"], folded.Select(t => t.Text));
    }
}
