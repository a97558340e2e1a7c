namespace Ratchet.Search;

/// <summary>A seeded xoshiro256** generator. The search owns its random source so that a proposal is a pure
/// function of its seed, independent of the runtime's <see cref="Random"/> implementation.</summary>
public sealed class SearchRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public SearchRandom(ulong seed)
    {
        var state = seed;
        _s0 = SplitMix(ref state);
        _s1 = SplitMix(ref state);
        _s2 = SplitMix(ref state);
        _s3 = SplitMix(ref state);
    }

    /// <summary>A well-mixed seed derived from a seed and a stream number (e.g. the retry attempt).</summary>
    public static ulong Derive(ulong seed, ulong stream)
    {
        var state = seed ^ (stream * 0xD1B54A32D192ED03UL);
        SplitMix(ref state);
        return SplitMix(ref state);
    }

    public ulong NextULong()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, count).</summary>
    public int Next(int count)
    {
        if (count <= 0)
            throw new ArgumentOutOfRangeException(nameof(count), count, "count must be positive");
        return (int)(((NextULong() >> 32) * (ulong)count) >> 32);
    }

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(double p) => NextDouble() < p;

    /// <summary>Standard normal deviate (Box-Muller; one value per call keeps the stream simple to reason about).</summary>
    public double NextGaussian()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Gamma(shape, 1) deviate (Marsaglia-Tsang).</summary>
    public double NextGamma(double shape)
    {
        if (shape < 1)
            return NextGamma(shape + 1) * Math.Pow(1.0 - NextDouble(), 1.0 / shape);
        var d = shape - 1.0 / 3.0;
        var c = 1.0 / Math.Sqrt(9.0 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = NextGaussian();
                v = 1.0 + c * x;
            }
            while (v <= 0);
            v = v * v * v;
            var u = 1.0 - NextDouble();
            if (Math.Log(u) < 0.5 * x * x + d - d * v + d * Math.Log(v))
                return d * v;
        }
    }

    /// <summary>Beta(a, b) deviate.</summary>
    public double NextBeta(double a, double b)
    {
        var x = NextGamma(a);
        var y = NextGamma(b);
        return x + y > 0 ? x / (x + y) : 0.5;
    }

    /// <summary>An index drawn with probability proportional to <paramref name="weights"/>; -1 when all are zero.</summary>
    public int Choose(IReadOnlyList<double> weights)
    {
        var total = 0.0;
        foreach (var w in weights)
            total += Math.Max(0, w);
        if (total <= 0)
            return -1;
        var target = NextDouble() * total;
        var last = -1;
        for (var i = 0; i < weights.Count; i++)
        {
            if (weights[i] <= 0)
                continue;
            last = i;
            target -= weights[i];
            if (target < 0)
                return i;
        }
        return last;
    }

    private static ulong SplitMix(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
