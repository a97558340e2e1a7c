using Ratchet.Proposers.Builtin.Checks;
using Ratchet.Proposers.Builtin.Text;

namespace Ratchet.Tests.Proposers.Builtin.Checks;

public sealed class SyntaxCheckTests
{
    [Fact]
    public void Compare_WhenCSharpLosesASemicolon_RoslynRejectsIt()
    {
        var parent = SourceFile.Parse("a.cs", "class A { int F() { return 1 + 2; } }\n");
        var child = SourceFile.Parse("a.cs", "class A { int F() { return 1 + ; } }\n");
        Assert.Contains("CS1525", SyntaxCheck.Compare(parent, child));
    }

    [Fact]
    public void Compare_WhenCSharpStaysValid_Accepts()
    {
        var parent = SourceFile.Parse("a.cs", "class A { int F() { return 1 + 2; } }\n");
        var child = SourceFile.Parse("a.cs", "class A { int F() { return 1 * 2; } }\n");
        Assert.Null(SyntaxCheck.Compare(parent, child));
    }

    [Fact]
    public void Compare_WhenParentAlreadyBroken_AcceptsNoWorseChild()
    {
        var parent = SourceFile.Parse("a.cs", "class A { int F() { return 1 + ; } }\n");
        var child = SourceFile.Parse("a.cs", "class A { int F() { return 2 + ; } }\n");
        Assert.Null(SyntaxCheck.Compare(parent, child));
    }

    [Theory]
    [InlineData("a.js", "f(a, [b)];\n")]
    [InlineData("a.c", "int main() { return 0;\n")]
    [InlineData("a.txt", "x = (1\n")]
    public void Errors_UnbalancedBrackets_AreFound(string path, string text) =>
        Assert.NotEmpty(SyntaxCheck.Errors(SourceFile.Parse(path, text)));

    [Fact]
    public void Errors_BracketsInStringsAndComments_DoNotCount() =>
        Assert.Empty(SyntaxCheck.Errors(SourceFile.Parse("a.js", "let s = '(' + \"[\"; // {\n")));

    [Theory]
    [InlineData("if x:\nreturn 1\n", "expected an indented block")]
    [InlineData("x = 1\n    y = 2\n", "unexpected indent")]
    [InlineData("if x:\n        a = 1\n    b = 2\n", "unindent does not match")]
    [InlineData("def f():\n", "no body")]
    public void Errors_PythonIndentation_IsChecked(string text, string expected) =>
        Assert.Contains(SyntaxCheck.Errors(SourceFile.Parse("a.py", text)), e => e.Contains(expected, StringComparison.Ordinal));

    [Fact]
    public void Errors_PythonContinuationsAndStrings_AreNotIndentation() =>
        Assert.Empty(SyntaxCheck.Errors(SourceFile.Parse("a.py", "x = [1,\n  2]\ns = '''\n  a:\n'''\nif x:\n    y = 1 \\\n        + 2\nz = 3\n")));
}
