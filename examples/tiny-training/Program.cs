// tiny-training candidate: trains a small neural network from scratch, in plain C#, and predicts the
// validation rows. Ratchet may change only the recipe between the EVOLVE-BLOCK markers (the training
// recipe: width, depth, initialisation, learning-rate schedule, batch size, momentum, weight decay,
// epochs). The run reads data/train.csv and data/val_x.csv and writes $RATCHET_OUT/predictions.csv
// (one row of class probabilities per validation row); the trusted scorer, which holds the labels,
// computes the validation cross-entropy. Deterministic given $RATCHET_SEED.
using System.Globalization;
using System.Text;

var seed = Seeds.FromEnvironment();
var output = Environment.GetEnvironmentVariable("RATCHET_OUT")
    ?? throw new InvalidOperationException("RATCHET_OUT is not set: run this program through Ratchet or check.sh");
var (trainX, trainY) = Csv.ReadLabelled("data/train.csv");
var validationX = Csv.ReadInputs("data/val_x.csv");

var rng = new Rng(seed);
var network = new Mlp(trainX[0].Length, Recipe.Width, Recipe.HiddenLayers, Csv.Classes, Recipe.InitScale, rng);
var trainLoss = Trainer.Train(network, trainX, trainY, rng);

var text = new StringBuilder();
foreach (var row in validationX)
    text.AppendLine(string.Join(",", network.Probabilities(row).Select(p => p.ToString("R", CultureInfo.InvariantCulture))));
File.WriteAllText(Path.Combine(output, "predictions.csv"), text.ToString());
Console.WriteLine($"trained {Recipe.Epochs} epochs of {trainX.Length} rows; last epoch's training loss {trainLoss:F4}");

// EVOLVE-BLOCK-START
/// <summary>The training recipe: everything Ratchet may tune.</summary>
static class Recipe
{
    public const int HiddenLayers = 1;        // 1 or 2
    public const int Width = 8;               // units per hidden layer
    public const bool Relu = false;           // false: tanh
    public const double InitScale = 0.1;      // weights start as N(0, 1) * InitScale / sqrt(fan-in)
    public const int Epochs = 4;
    public const int BatchSize = 256;
    public const double LearningRate = 0.05;
    public const double WarmupFraction = 0.0; // share of training with a linearly rising rate
    public const double FinalRateFraction = 1.0; // the rate decays along a cosine to this share of LearningRate
    public const double Momentum = 0.0;
    public const double WeightDecay = 0.0;    // L2 on weights (not biases)

    /// <summary>Learning rate at <paramref name="progress"/> (0 at the first step, 1 after the last).</summary>
    public static double RateAt(double progress)
    {
        if (progress < WarmupFraction)
            return LearningRate * (progress + 1e-3) / (WarmupFraction + 1e-3);
        var t = WarmupFraction >= 1.0 ? 1.0 : (progress - WarmupFraction) / (1.0 - WarmupFraction);
        var cosine = 0.5 * (1.0 + Math.Cos(Math.PI * t));
        return LearningRate * (FinalRateFraction + (1.0 - FinalRateFraction) * cosine);
    }
}
// EVOLVE-BLOCK-END

/// <summary>Mini-batch SGD with momentum and weight decay on the softmax cross-entropy.</summary>
static class Trainer
{
    public static double Train(Mlp network, double[][] x, int[] y, Rng rng)
    {
        var order = Enumerable.Range(0, x.Length).ToArray();
        var batch = Math.Clamp(Recipe.BatchSize, 1, x.Length);
        var stepsPerEpoch = (x.Length + batch - 1) / batch;
        var totalSteps = Math.Max(1, Recipe.Epochs * stepsPerEpoch);
        var step = 0;
        var epochLoss = double.NaN;
        for (var epoch = 0; epoch < Recipe.Epochs; epoch++)
        {
            rng.Shuffle(order);
            var lossSum = 0.0;
            for (var start = 0; start < x.Length; start += batch)
            {
                var end = Math.Min(start + batch, x.Length);
                network.ZeroGradients();
                for (var k = start; k < end; k++)
                    lossSum += network.Backward(x[order[k]], y[order[k]]);
                network.Step(Recipe.RateAt((double)step / totalSteps), Recipe.Momentum, Recipe.WeightDecay, end - start);
                step++;
            }
            epochLoss = lossSum / x.Length;
        }
        return epochLoss;
    }
}

/// <summary>A fully connected network: inputs, <c>depth</c> hidden layers of <c>width</c> units, a softmax output.</summary>
sealed class Mlp
{
    private readonly Layer[] _layers;

    public Mlp(int inputs, int width, int depth, int classes, double initScale, Rng rng)
    {
        width = Math.Max(1, width);
        depth = Math.Max(1, depth);
        var sizes = new List<int> { inputs };
        for (var i = 0; i < depth; i++)
            sizes.Add(width);
        sizes.Add(classes);
        _layers = new Layer[sizes.Count - 1];
        for (var i = 0; i < _layers.Length; i++)
            _layers[i] = new Layer(sizes[i], sizes[i + 1], initScale, rng);
    }

    public double[] Probabilities(double[] input)
    {
        Forward(input);
        return Softmax(_layers[^1].Output);
    }

    /// <summary>Adds this example's gradient; returns its loss.</summary>
    public double Backward(double[] input, int label)
    {
        Forward(input);
        var p = Softmax(_layers[^1].Output);
        var delta = new double[p.Length];
        for (var c = 0; c < p.Length; c++)
            delta[c] = p[c] - (c == label ? 1.0 : 0.0);
        for (var i = _layers.Length - 1; i >= 0; i--)
        {
            var layer = _layers[i];
            var below = i == 0 ? input : _layers[i - 1].Output;
            var next = i == 0 ? null : new double[below.Length];
            for (var o = 0; o < layer.Out; o++)
            {
                var d = delta[o];
                layer.BiasGrad[o] += d;
                var row = o * layer.In;
                for (var k = 0; k < layer.In; k++)
                {
                    layer.WeightGrad[row + k] += d * below[k];
                    if (next is not null)
                        next[k] += d * layer.Weights[row + k];
                }
            }
            if (next is not null)
            {
                for (var k = 0; k < next.Length; k++)
                {
                    var a = below[k];
                    next[k] *= Recipe.Relu ? (a > 0 ? 1.0 : 0.0) : 1.0 - a * a;
                }
                delta = next;
            }
        }
        return -Math.Log(Math.Max(p[label], 1e-12));
    }

    public void ZeroGradients()
    {
        foreach (var layer in _layers)
        {
            Array.Clear(layer.WeightGrad);
            Array.Clear(layer.BiasGrad);
        }
    }

    public void Step(double rate, double momentum, double decay, int batch)
    {
        foreach (var layer in _layers)
        {
            for (var k = 0; k < layer.Weights.Length; k++)
            {
                var g = layer.WeightGrad[k] / batch + decay * layer.Weights[k];
                layer.WeightVelocity[k] = momentum * layer.WeightVelocity[k] + g;
                layer.Weights[k] -= rate * layer.WeightVelocity[k];
            }
            for (var k = 0; k < layer.Bias.Length; k++)
            {
                layer.BiasVelocity[k] = momentum * layer.BiasVelocity[k] + layer.BiasGrad[k] / batch;
                layer.Bias[k] -= rate * layer.BiasVelocity[k];
            }
        }
    }

    private void Forward(double[] input)
    {
        var x = input;
        for (var i = 0; i < _layers.Length; i++)
        {
            var layer = _layers[i];
            var hidden = i < _layers.Length - 1;
            for (var o = 0; o < layer.Out; o++)
            {
                var sum = layer.Bias[o];
                var row = o * layer.In;
                for (var k = 0; k < layer.In; k++)
                    sum += layer.Weights[row + k] * x[k];
                layer.Output[o] = !hidden ? sum : Recipe.Relu ? Math.Max(0.0, sum) : Math.Tanh(sum);
            }
            x = layer.Output;
        }
    }

    private static double[] Softmax(double[] z)
    {
        var top = z.Max();
        var e = z.Select(v => Math.Exp(v - top)).ToArray();
        var sum = e.Sum();
        return e.Select(v => v / sum).ToArray();
    }

    private sealed class Layer
    {
        public Layer(int inputs, int outputs, double initScale, Rng rng)
        {
            In = inputs;
            Out = outputs;
            Weights = new double[inputs * outputs];
            for (var k = 0; k < Weights.Length; k++)
                Weights[k] = rng.NextGaussian() * initScale / Math.Sqrt(inputs);
            WeightGrad = new double[Weights.Length];
            WeightVelocity = new double[Weights.Length];
            Bias = new double[outputs];
            BiasGrad = new double[outputs];
            BiasVelocity = new double[outputs];
            Output = new double[outputs];
        }

        public int In { get; }
        public int Out { get; }
        public double[] Weights { get; }
        public double[] WeightGrad { get; }
        public double[] WeightVelocity { get; }
        public double[] Bias { get; }
        public double[] BiasGrad { get; }
        public double[] BiasVelocity { get; }
        public double[] Output { get; }
    }
}

/// <summary>SplitMix64: small, fast, and the same numbers on every machine for a given seed.</summary>
sealed class Rng(ulong seed)
{
    private ulong _state = seed;

    public ulong NextULong()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    public double NextGaussian()
    {
        var u = 1.0 - NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * NextDouble());
    }

    public void Shuffle(int[] items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = (int)(NextULong() % (ulong)(i + 1));
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}

/// <summary>The seed Ratchet gives this run ($RATCHET_SEED; 0 when unset).</summary>
static class Seeds
{
    public static ulong FromEnvironment()
    {
        var text = Environment.GetEnvironmentVariable("RATCHET_SEED") ?? "0";
        if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seed))
            return seed;
        var hash = 1469598103934665603UL;
        foreach (var c in text)
            hash = (hash ^ c) * 1099511628211UL;
        return hash;
    }
}

/// <summary>Reads the task's comma-separated files (a header line, then numbers).</summary>
static class Csv
{
    public const int Classes = 3;

    public static (double[][] X, int[] Y) ReadLabelled(string path)
    {
        var rows = Rows(path);
        return (rows.Select(r => r[..^1].Select(Parse).ToArray()).ToArray(),
                rows.Select(r => int.Parse(r[^1], CultureInfo.InvariantCulture)).ToArray());
    }

    public static double[][] ReadInputs(string path) => Rows(path).Select(r => r.Select(Parse).ToArray()).ToArray();

    private static string[][] Rows(string path) =>
        File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToArray();

    private static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
