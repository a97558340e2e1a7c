using Ratchet.Oversight;

namespace Ratchet.Tests.Oversight.Rules;

public sealed class StringEscapesTests
{
    [Theory]
    [InlineData("\\x65val", SourceLanguage.JavaScript, "eval")]
    [InlineData("\\u{65}val", SourceLanguage.JavaScript, "eval")]
    [InlineData("\\U00000065val", SourceLanguage.CSharp, "eval")]
    [InlineData("\\145val", SourceLanguage.C, "eval")]
    [InlineData("\\d", SourceLanguage.Python, "\\d")]
    [InlineData("a\\\nb", SourceLanguage.Python, "ab")]
    public void Decode_ReadsEscapesAsTheLanguageDoes(string body, SourceLanguage language, string expected)
    {
        Assert.Equal(expected, StringEscapes.Decode(body, language));
    }
}
