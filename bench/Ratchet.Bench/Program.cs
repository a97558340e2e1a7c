using System.Globalization;
using Ratchet.Bench;

// Benchmark helpers that need the library directly. See bench/RESULTS.md.
return args.FirstOrDefault() switch
{
    "populate" when args.Length == 4 => Populate.Run(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), args[3]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Ratchet.Bench populate <state-dir> <candidates> <ratchet-home>");
    return 2;
}
