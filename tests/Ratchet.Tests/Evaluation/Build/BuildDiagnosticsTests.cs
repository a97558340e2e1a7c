using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Ratchet.Evaluation.Build;

namespace Ratchet.Tests.Evaluation.Build;

public sealed class BuildDiagnosticsTests
{
    private static IReadOnlyList<Diagnostic> ErrorsOf(params (string Path, string Text)[] files)
    {
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Text, path: f.Path));
        var compilation = CSharpCompilation.Create("t", trees, ReferenceAssemblies.For(null).References,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication));
        return BuildDiagnostics.Errors(compilation.GetDiagnostics());
    }

    [Fact]
    public void Errors_WhenSeveralFilesFail_OrdersThemByFileThenLine()
    {
        var errors = ErrorsOf(("B.cs", "class B { int x = \"b\"; }\n"), ("A.cs", "System.Console.WriteLine(1);\nint y = \"a\";\n"));

        Assert.Equal(["A.cs", "B.cs"], errors.Select(e => e.Location.GetLineSpan().Path));
    }

    [Fact]
    public void Quote_WhenOneError_SaysErrorSingularAndQuotesFileLineColumn()
    {
        var errors = ErrorsOf(("Program.cs", "System.Console.WriteLine(1);\nint y = \"a\";\n"));

        var text = BuildDiagnostics.Quote(errors, maxQuoted: 5);

        Assert.StartsWith("C# build failed with 1 error:\n  Program.cs:2:9: error CS0029: ", text);
    }

    [Fact]
    public void Quote_WhenAnErrorHasNoLocation_QuotesItWithoutOne()
    {
        var errors = ErrorsOf(("Lib.cs", "class C { }\n"));

        var text = BuildDiagnostics.Quote(errors, maxQuoted: 5);

        Assert.Contains("\n  error CS5001: ", text);
    }
}
