using Ratchet.Oversight;

namespace Ratchet.Tests.Oversight.Rules;

public sealed class StaticRuleCatalogCSharpTests
{
    [Theory]
    [InlineData("System.Diagnostics.Process.Start(\"sh\");", "cs.process.start")]
    [InlineData("using P = System.Diagnostics.Process;\nP.Start(\"sh\");", "cs.process.start")]
    [InlineData("var psi = new ProcessStartInfo(\"bash\");", "cs.process.start")]
    [InlineData("[DllImport(\"libc\")] static extern int system(string c);", "cs.process.native")]
    [InlineData("using var c = new HttpClient();", "cs.network.clients")]
    [InlineData("using System.Net.Sockets;", "cs.network.clients")]
    [InlineData("var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);", "cs.file.special-folders")]
    [InlineData("File.ReadAllText(\"/etc/passwd\");", "any.path.system-dir")]
    [InlineData("File.ReadAllText(@\"..\\score.py\");", "any.path.parent")]
    [InlineData("var t = new StackTrace();", "cs.introspect.stack")]
    [InlineData("var caller = Assembly.GetCallingAssembly();", "cs.introspect.assemblies")]
    [InlineData("var f = typeof(Scorer).GetField(\"best\", BindingFlags.NonPublic | BindingFlags.Static);", "cs.introspect.reflection")]
    [InlineData("foreach (var a in AppDomain.CurrentDomain.GetAssemblies()) { }", "cs.introspect.assemblies")]
    [InlineData("Environment.Exit(0);", "cs.exit.process")]
    [InlineData("Environment.\\u0045xit(0);", "cs.exit.process")]
    [InlineData("global::System.Environment.FailFast(\"ok\");", "cs.exit.process")]
    [InlineData("var p = typeof(Stopwatch).GetMethod(\"GetTimestamp\").MethodHandle.GetFunctionPointer();", "cs.timer.detour")]
    [InlineData("public static bool operator ==(R a, R b) => true;", "cs.equality.always-true")]
    [InlineData("public override bool Equals(object o) { return true; }", "cs.equality.always-true")]
    [InlineData("[ModuleInitializer] internal static void Init() { }", "cs.hook.initializers")]
    [InlineData("Console.SetOut(TextWriter.Null);", "cs.hook.initializers")]
    [InlineData("var k = Environment.GetEnvironmentVariable(\"OPENAI_API_KEY\");", "cs.env.read")]
    [InlineData("var all = Environment.GetEnvironmentVariables();", "cs.env.read")]
    [InlineData("var m = new DynamicMethod(\"x\", null, null);", "cs.dynamic.emit")]
    [InlineData("var a = Assembly.LoadFrom(\"evil.dll\");", "cs.dynamic.emit")]
    [InlineData("var o = Activator.CreateInstance(Type.GetType(\"System.Diagnostics.Process\"));", "cs.indirection.dangerous-name")]
    [InlineData("var n = \"System.Diagnostics.\" + \"Process\";", "cs.indirection.dangerous-name")]
    [InlineData("var n = $\"{\"Fail\"}Fast\";", "cs.indirection.dangerous-name")]
    [InlineData("var n = string.Concat(\"Get\", \"EnvironmentVariable\");", "cs.indirection.dangerous-name")]
    public void Scan_WhenCSharpCandidateUsesCapability_ReportsRule(string code, string ruleId)
    {
        var findings = RuleScan.New(code, "Program.cs");

        Assert.True(findings.Ids().Contains(ruleId), $"expected {ruleId}; found:\n{findings.Describe()}");
        Assert.True(findings.Rejects(), $"expected a rejection; found:\n{findings.Describe()}");
    }

    [Theory]
    [InlineData("var seed = int.Parse(Environment.GetEnvironmentVariable(\"RATCHET_SEED\") ?? \"0\");")]
    [InlineData("var lines = File.ReadAllLines(\"input.txt\");")]
    [InlineData("// Process.Start(\"sh\") would be bad\nvar x = 1;")]
    [InlineData("/* Environment.Exit(0); */ var best = Math.Max(a, b);")]
    [InlineData("var sw = Stopwatch.StartNew(); var ms = sw.ElapsedMilliseconds;")]
    [InlineData("var s = \"Process the list\"; Console.WriteLine(s);")]
    [InlineData("for (var i = 0; i < n; i++) { total += values[i] * weights[i]; }")]
    public void Scan_WhenCSharpCodeIsHonest_ReportsNothing(string code)
    {
        var findings = RuleScan.New(code, "Program.cs");

        Assert.True(findings.Count == 0, $"expected nothing; found:\n{findings.Describe()}");
    }
}
