using System.Globalization;
using System.Text;
using Ratchet.Proposers.Builtin.Simulation;
using Ratchet.Tasks;

namespace Ratchet.Tests.Proposers.Builtin;

internal static partial class Fixtures
{
    public const int Circles = 26;

    /// <summary>A Python-like packing program: 26 centres in the unit square as literals, on a 5×5 grid plus one.</summary>
    public static ProgramSnapshot CirclePacking()
    {
        var text = new StringBuilder("# 26 circles in the unit square; the scorer computes radii from the centres.\n\n");
        text.Append("def construct_packing():\n    # EVOLVE-BLOCK-START\n    centers = [\n");
        for (var i = 0; i < 25; i++)
            text.Append(CultureInfo.InvariantCulture, $"        ({0.1 + 0.2 * (i / 5):0.0###}, {0.1 + 0.2 * (i % 5):0.0###}),\n");
        text.Append("        (0.2, 0.2),\n    ]\n    # EVOLVE-BLOCK-END\n    return centers\n");
        return Program(text.ToString(), "packing.py");
    }

    /// <summary>Sum of radii (maximise): each radius starts at the distance to the nearest wall, then every overlapping
    /// pair is shrunk in proportion, in list order. Null (a crash) when the program does not hold 26 centres in the square.</summary>
    public static SimulatedScore? SumOfRadii(ProgramSnapshot program)
    {
        var v = Numbers(program);
        if (v.Length != 2 * Circles)
            return null;
        var x = new double[Circles];
        var y = new double[Circles];
        var r = new double[Circles];
        for (var i = 0; i < Circles; i++)
        {
            (x[i], y[i]) = (v[2 * i], v[2 * i + 1]);
            if (x[i] is < 0 or > 1 || y[i] is < 0 or > 1)
                return null;
            r[i] = Math.Min(Math.Min(x[i], y[i]), Math.Min(1 - x[i], 1 - y[i]));
        }
        for (var i = 0; i < Circles; i++)
        {
            for (var j = i + 1; j < Circles; j++)
            {
                var d = Math.Sqrt((x[i] - x[j]) * (x[i] - x[j]) + (y[i] - y[j]) * (y[i] - y[j]));
                if (r[i] + r[j] > d)
                {
                    var shrink = d / (r[i] + r[j]);
                    r[i] *= shrink;
                    r[j] *= shrink;
                }
            }
        }
        return new SimulatedScore(r.Sum());
    }
}
