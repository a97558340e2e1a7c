namespace Ratchet.Evaluation.Build;

public sealed partial class CSharpBuilder
{
    private static readonly Lock WarmUpGate = new();
    private static Task? s_warmUp;

    /// <summary>Compiles a trusted program once per process, untimed, so Roslyn's own start-up (loading and
    /// just-in-time compiling the compiler: seconds on a busy machine) is never charged to a candidate's build timeout.
    /// Every build awaits it; call it early (e.g. when a run starts) to take it off the first evaluation's path.</summary>
    public Task WarmUpAsync(CancellationToken cancellationToken)
    {
        Task warmUp;
        lock (WarmUpGate)
        {
            var options = Options;
            warmUp = s_warmUp ??= Task.Factory.StartNew(
                () => WarmUp(options),
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default);
        }
        return warmUp.WaitAsync(cancellationToken);
    }

    private static void WarmUp(CSharpBuildOptions options)
    {
        try
        {
            CSharpCompiler.Compile(
                [KeyValuePair.Create("WarmUp.cs", WarmUpSource)], options, ReferenceAssemblies.For(options.DotnetRoot), CancellationToken.None);
        }
        catch (Exception)
        {
            // Only a head start: if it fails, the real build fails the same way and says why.
        }
    }

    // Touches the compiler paths candidates use most: top-level statements, records, generics, lambdas and LINQ,
    // async, pattern matching, interpolation, structs, spans, nullable annotations.
    internal const string WarmUpSource = """
        using System.Globalization;
        using System.Text;

        var items = Enumerable.Range(0, 100).Select(i => new Item(i, i * 0.5)).ToList();
        var total = await Task.Run(() => items.Where(i => i.Id % 2 == 0).Sum(i => i.Weight));
        var text = new StringBuilder();
        foreach (var (id, weight) in items.Take(3))
            text.Append($"{id}:{weight.ToString("R", CultureInfo.InvariantCulture)} ");
        Span<int> buffer = stackalloc int[8];
        for (var k = 0; k < buffer.Length; k++)
            buffer[k] = k * k;
        var grid = new double[4, 4];
        grid[1, 2] = Helpers.Clamp(total, 0, 10);
        string? maybe = args.Length > 0 ? args[0] : null;
        Console.WriteLine($"{text}{total} {buffer[3]} {grid[1, 2]} {maybe?.Length ?? 0} {Helpers.Describe(items[0])}");

        record Item(int Id, double Weight);

        struct Point(double x, double y)
        {
            public double Length => Math.Sqrt(x * x + y * y);
        }

        static class Helpers
        {
            public static T Clamp<T>(T value, T low, T high) where T : IComparable<T> =>
                value.CompareTo(low) < 0 ? low : value.CompareTo(high) > 0 ? high : value;

            public static string Describe(object value) => value switch
            {
                Item { Id: 0 } => "first",
                Item item when item.Weight > 1 => "heavy",
                Point p => p.Length.ToString(CultureInfo.InvariantCulture),
                _ => "other",
            };
        }
        """;
}
