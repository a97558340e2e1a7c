using Ratchet.Evaluation.Build;

namespace Ratchet.Tests.Evaluation.Build;

public sealed class CSharpCompilerTests
{
    private static readonly CSharpBuildOptions Options = new();

    private static CSharpCompiler.Output Compile(string source) =>
        CSharpCompiler.Compile([KeyValuePair.Create("Program.cs", source)], Options, ReferenceAssemblies.For(null), TestContext.Current.CancellationToken);

    [Fact]
    public void ImplicitUsingsText_WhenGivenNamespaces_WritesOneGlobalUsingEach()
    {
        var text = CSharpCompiler.ImplicitUsingsText(["System", "System.Text"]);

        Assert.EndsWith("global using global::System;\nglobal using global::System.Text;\n", text);
    }

    [Fact]
    public void Compile_WhenNullableIsViolated_WarnsButStillBuilds()
    {
        var output = Compile("string text = null;\nConsole.WriteLine(text);\n");

        Assert.NotNull(output.Assembly);
        Assert.Empty(output.Errors);
    }

    [Fact]
    public void Compile_WhenTheRatchetSymbolIsTested_SeesItDefined()
    {
        var output = Compile("#if !RATCHET\n#error RATCHET is not defined\n#endif\nConsole.WriteLine(1);\n");

        Assert.Empty(output.Errors);
    }

    [Fact]
    public void Compile_WhenCodeIsUnsafe_BuildsByDefault()
    {
        var output = Compile("unsafe { int x = 1; int* p = &x; Console.WriteLine(*p); }\n");

        Assert.Empty(output.Errors);
    }

    [Fact]
    public void Compile_WhenAScriptDirectiveTriesToLoadAFile_FailsWithoutReadingIt()
    {
        var output = Compile("#load \"/etc/passwd\"\n#r \"/etc/passwd\"\nConsole.WriteLine(1);\n");

        Assert.Null(output.Assembly);
        Assert.All(output.Errors, e => Assert.DoesNotContain("root:", e.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
    }
}
