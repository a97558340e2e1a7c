using System.Globalization;
using Ratchet.Bench;
using Ratchet.Sandbox;

// Benchmark helpers that need the library directly. See bench/RESULTS.md.
return args.FirstOrDefault() switch
{
    "populate" when args.Length == 4 => Populate.Run(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), args[3]),
    "sandbox-overhead" => await SandboxOverhead(),
    "status-timing" when args.Length == 3 => StatusTiming.Run(args[1], args[2]),
    "plot-search" when args.Length == 3 => SearchChart.Run(args[1], args[2]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Ratchet.Bench populate <state-dir> <candidates> <ratchet-home>\n       Ratchet.Bench sandbox-overhead\n       Ratchet.Bench status-timing <state-dir> <ratchet-home>\n       Ratchet.Bench plot-search <search.json> <out.png>");
    return 2;
}

static async Task<int> SandboxOverhead()
{
    var state = Path.Combine(Path.GetTempPath(), "ratchet-bench-sbx-" + Guid.NewGuid().ToString("N")[..8]);
    using var sandbox = SandboxFactory.Create(new SandboxOptions(state)) switch
    {
        SandboxCreation.Ready { Sandbox: BubblewrapSandbox bwrap } => bwrap,
        SandboxCreation.Refused refused => throw new InvalidOperationException(refused.Message),
        var other => throw new InvalidOperationException($"expected the bubblewrap sandbox, got {other}"),
    };
    Console.Out.Write(await new SandboxOverheadMeasurement(sandbox).MeasureAsync());
    return 0;
}
