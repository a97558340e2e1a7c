using Ratchet.Tasks;

namespace Ratchet.Tests.Evaluation.Build;

/// <summary>Small programs the builder tests compile.</summary>
internal static class TestPrograms
{
    public static ProgramSnapshot Of(string source, string path = "Program.cs") => new([KeyValuePair.Create(path, source)]);

    public const string Hello = "Console.WriteLine(\"hello from a candidate\");\n";

    /// <summary>Uses only the implicit usings: collections, LINQ, files, tasks.</summary>
    public const string ImplicitUsings = """
        var numbers = new List<int> { 3, 1, 2 };
        var sorted = numbers.OrderBy(n => n).ToArray();
        var total = await Task.Run(() => sorted.Sum());
        Console.WriteLine($"{string.Join(",", sorted)} sum={total} cwd-exists={Directory.Exists(".")}");
        """;

    /// <summary>Seven errors on seven lines (3..9).</summary>
    public const string SevenErrors = """
        Console.WriteLine("first line is fine");
        Console.WriteLine("second too");
        int a = "not a number";
        int b = "not a number";
        int c = "not a number";
        int d = "not a number";
        int e = "not a number";
        int f = "not a number";
        int g = "not a number";
        """;

    /// <summary>Throws from line 4, inside a named method.</summary>
    public const string Crash = """
        Console.WriteLine("about to fail");
        Fail();
        static void Fail() =>
            throw new InvalidOperationException("deliberate");
        """;
}
