// A 100-line C# program used to measure the C# builder (csharp-build --measure sample-100-lines.cs).
// It is a small k-means clustering run on generated points: records, generics, LINQ, loops, structs.
using System.Globalization;

var rng = new Random(42);
var points = Generate(rng, clusters: 4, perCluster: 250);
var result = KMeans.Run(points, k: 4, iterations: 25, rng);
Console.WriteLine($"inertia {result.Inertia.ToString("F3", CultureInfo.InvariantCulture)} after {result.Iterations} iterations");
foreach (var (centre, index) in result.Centres.Select((c, i) => (c, i)))
    Console.WriteLine($"centre {index}: ({centre.X:F2}, {centre.Y:F2}) with {result.Sizes[index]} points");

static List<Point> Generate(Random rng, int clusters, int perCluster)
{
    var points = new List<Point>(clusters * perCluster);
    for (var c = 0; c < clusters; c++)
    {
        var centre = new Point(rng.NextDouble() * 10, rng.NextDouble() * 10);
        for (var i = 0; i < perCluster; i++)
            points.Add(centre + new Point(Gaussian(rng), Gaussian(rng)));
    }
    return points;
}

static double Gaussian(Random rng) =>
    Math.Sqrt(-2.0 * Math.Log(1.0 - rng.NextDouble())) * Math.Cos(2.0 * Math.PI * rng.NextDouble());

readonly record struct Point(double X, double Y)
{
    public static Point operator +(Point a, Point b) => new(a.X + b.X, a.Y + b.Y);
    public static Point operator /(Point a, double s) => new(a.X / s, a.Y / s);
    public double DistanceSquared(Point other) => (X - other.X) * (X - other.X) + (Y - other.Y) * (Y - other.Y);
}

sealed record Clustering(IReadOnlyList<Point> Centres, IReadOnlyList<int> Sizes, double Inertia, int Iterations);

static class KMeans
{
    public static Clustering Run(IReadOnlyList<Point> points, int k, int iterations, Random rng)
    {
        var centres = points.OrderBy(_ => rng.Next()).Take(k).ToArray();
        var assignment = new int[points.Count];
        var done = 0;
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            done = iteration + 1;
            var changed = Assign(points, centres, assignment);
            centres = Update(points, assignment, centres);
            if (!changed)
                break;
        }
        var sizes = Enumerable.Range(0, k).Select(c => assignment.Count(a => a == c)).ToArray();
        var inertia = points.Select((p, i) => p.DistanceSquared(centres[assignment[i]])).Sum();
        return new Clustering(centres, sizes, inertia, done);
    }

    private static bool Assign(IReadOnlyList<Point> points, Point[] centres, int[] assignment)
    {
        var changed = false;
        for (var i = 0; i < points.Count; i++)
        {
            var best = 0;
            var bestDistance = double.MaxValue;
            for (var c = 0; c < centres.Length; c++)
            {
                var d = points[i].DistanceSquared(centres[c]);
                if (d < bestDistance)
                {
                    bestDistance = d;
                    best = c;
                }
            }
            changed |= assignment[i] != best;
            assignment[i] = best;
        }
        return changed;
    }

    private static Point[] Update(IReadOnlyList<Point> points, int[] assignment, Point[] previous)
    {
        var sums = new Point[previous.Length];
        var counts = new int[previous.Length];
        for (var i = 0; i < points.Count; i++)
        {
            sums[assignment[i]] += points[i];
            counts[assignment[i]]++;
        }
        var next = new Point[previous.Length];
        for (var c = 0; c < next.Length; c++)
            next[c] = counts[c] == 0 ? previous[c] : sums[c] / counts[c];
        return next;
    }
}

static class Extensions
{
    public static double Mean(this IEnumerable<double> values) => values.DefaultIfEmpty().Average();

    public static string Describe(this Point p) => string.Create(CultureInfo.InvariantCulture, $"({p.X:F1}, {p.Y:F1})");
}
