using System.Globalization;
using System.Text;
using Ratchet.Proposers.Builtin.Genome;
using Ratchet.Search;

namespace Ratchet.Proposers.Builtin.Adaptation;

/// <summary>A steady-state (1+1)-CMA-ES over a fixed layout of float literals (Igel, Suttorp and Hansen, 2006):
/// success-rule step control, rank-one covariance updates along an evolution path of successful steps, and a rank-mu
/// update from a pool of them. Coordinates are scaled per literal so that constants of any magnitude move alike.</summary>
internal sealed partial class CmaState
{
    private const double ThresholdSuccess = 0.44;
    private readonly CmaSettings _settings;
    private readonly double[] _scales;
    private readonly double[,] _covariance;
    private double[,] _factor;
    private readonly double[] _path;
    private readonly List<double[]> _pool = [];
    private readonly double _cc;
    private readonly double _c1;
    private readonly double _cmu;
    private readonly double _cp;
    private readonly double _damping;

    public CmaState(string layout, IReadOnlyList<double> values, CmaSettings settings, double zeroScale)
    {
        Layout = layout;
        _settings = settings;
        var n = values.Count;
        Dimensions = n;
        _scales = [.. values.Select(v => Math.Max(Math.Abs(v), zeroScale))];
        _covariance = Identity(n);
        _factor = Identity(n);
        _path = new double[n];
        Sigma = settings.InitialStep;
        SuccessRate = settings.SuccessRate;
        _cc = 2.0 / (n + 2);
        _c1 = Math.Min(1, settings.LearningRate * 2.0 / (n * n + 6));
        var mu = settings.RankMuPool;
        _cmu = Math.Min(1 - _c1, settings.LearningRate * 2.0 * (mu - 2 + 1.0 / mu) / ((n + 2.0) * (n + 2) + mu));
        _cmu = Math.Max(0, _cmu);
        _cp = settings.SuccessRate / (2 + settings.SuccessRate);
        _damping = settings.Damping * (1 + n / 2.0);
    }

    /// <summary>The literal keys this state was built for, joined; another layout needs a fresh state.</summary>
    public string Layout { get; }

    public int Dimensions { get; }

    /// <summary>Global step, relative to each literal's scale.</summary>
    public double Sigma { get; private set; }

    /// <summary>Smoothed success rate of recent steps.</summary>
    public double SuccessRate { get; private set; }

    /// <summary>A point drawn from N(mean, (Sigma·scale)² ⊙ C).</summary>
    public double[] Sample(IReadOnlyList<double> mean, SearchRandom random)
    {
        var z = new double[Dimensions];
        for (var i = 0; i < Dimensions; i++)
            z[i] = random.NextGaussian();
        var x = new double[Dimensions];
        for (var i = 0; i < Dimensions; i++)
        {
            var y = 0.0;
            for (var j = 0; j <= i; j++)
                y += _factor[i, j] * z[j];
            x[i] = mean[i] + Sigma * _scales[i] * y;
        }
        return x;
    }

    /// <summary>The absolute step of coordinate <paramref name="i"/> (for choosing how many digits to write).</summary>
    public double StepOf(int i) => Sigma * _scales[i] * Math.Sqrt(_covariance[i, i]);

    /// <summary>Learns from one assessed step from <paramref name="parent"/> to <paramref name="child"/>.</summary>
    public void Update(IReadOnlyList<double> parent, IReadOnlyList<double> child, bool success)
    {
        SuccessRate = (1 - _cp) * SuccessRate + _cp * (success ? 1 : 0);
        if (success)
        {
            var y = new double[Dimensions];
            for (var i = 0; i < Dimensions; i++)
                y[i] = (child[i] - parent[i]) / (Sigma * _scales[i]);
            LearnCovariance(y);
        }
        var target = _settings.SuccessRate;
        Sigma *= Math.Exp((SuccessRate - target) / (_damping * (1 - target)));
        Sigma = Math.Clamp(Sigma, 1e-12, 10);
    }

    private void LearnCovariance(double[] y)
    {
        if (_c1 <= 0 && _cmu <= 0)
            return;
        var n = Dimensions;
        var belowThreshold = SuccessRate < ThresholdSuccess;
        var pathWeight = Math.Sqrt(_cc * (2 - _cc));
        for (var i = 0; i < n; i++)
            _path[i] = (1 - _cc) * _path[i] + (belowThreshold ? pathWeight * y[i] : 0);
        var keep = 1 - _c1 + (belowThreshold ? 0 : _c1 * _cc * (2 - _cc));
        _pool.Add(y);
        var rankMu = _pool.Count >= _settings.RankMuPool;
        if (rankMu)
            keep -= _cmu;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var value = keep * _covariance[i, j] + _c1 * _path[i] * _path[j];
                if (rankMu)
                    value += _cmu * _pool.Sum(p => p[i] * p[j]) / _pool.Count;
                _covariance[i, j] = value;
                _covariance[j, i] = value;
            }
        }
        if (rankMu)
            _pool.Clear();
        _factor = Cholesky(_covariance) ?? ResetToDiagonal();
    }

    public string Fingerprint()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"sigma={Sigma:R} ps={SuccessRate:R} pool={_pool.Count}\n");
        foreach (var value in _covariance)
            text.Append(value.ToString("R", CultureInfo.InvariantCulture)).Append(' ');
        return text.ToString();
    }
}
