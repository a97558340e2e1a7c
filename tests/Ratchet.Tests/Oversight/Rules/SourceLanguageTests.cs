using Ratchet.Oversight;

namespace Ratchet.Tests.Oversight.Rules;

public sealed class SourceLanguageTests
{
    [Theory]
    [InlineData("main.py", "", SourceLanguage.Python)]
    [InlineData("Solver.cs", "", SourceLanguage.CSharp)]
    [InlineData("a.tsx", "", SourceLanguage.JavaScript)]
    [InlineData("k.cu", "", SourceLanguage.C)]
    [InlineData("run.sh", "", SourceLanguage.Shell)]
    [InlineData("run", "#!/usr/bin/env bash\n", SourceLanguage.Shell)]
    [InlineData("tool", "#!/usr/bin/env python3\n", SourceLanguage.Python)]
    [InlineData("params.json", "{}", SourceLanguage.Other)]
    public void Detect_UsesTheExtensionThenTheShebang(string path, string text, SourceLanguage expected)
    {
        Assert.Equal(expected, SourceLanguages.Detect(path, text));
    }
}
