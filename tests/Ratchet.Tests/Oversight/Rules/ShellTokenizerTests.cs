using Ratchet.Oversight;

namespace Ratchet.Tests.Oversight.Rules;

public sealed class ShellTokenizerTests
{
    [Fact]
    public void Tokenize_JoinsQuotedPiecesIntoOneWord()
    {
        var (tokens, _) = ShellTokenizer.Tokenize("c\"ur\"'l' $'\\x2f'etc");

        Assert.Equal(["curl", "/etc"], tokens.Select(t => t.Text));
    }

    [Fact]
    public void Tokenize_RecordsVariableUsesAndTokenisesSubstitutions()
    {
        var (tokens, uses) = ShellTokenizer.Tokenize("echo \"$HOME\" ${X:-d} $(curl x) `id`");

        Assert.Equal(["HOME", "X"], uses.Select(u => u.Name));
        Assert.Contains(tokens, t => t.Text == "curl");
        Assert.Contains(tokens, t => t.Text == "id");
    }

    [Fact]
    public void Tokenize_DropsCommentsAndReadsHereDocumentsAsText()
    {
        var (tokens, _) = ShellTokenizer.Tokenize("# curl x\ncat <<EOF\nit's /etc\nEOF\necho done\n");

        Assert.DoesNotContain(tokens, t => t.Text == "curl");
        Assert.Contains(tokens, t => t.Kind == TokenKind.String && t.Text == "it's /etc");
        Assert.Contains(tokens, t => t.Text == "done");
    }
}
