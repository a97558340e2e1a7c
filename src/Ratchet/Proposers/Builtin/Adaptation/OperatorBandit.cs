using System.Globalization;
using Ratchet.Proposers.Builtin.Genome;
using Ratchet.Search;

namespace Ratchet.Proposers.Builtin.Adaptation;

/// <summary>Chooses an operator by discounted Thompson sampling: each operator has a Beta posterior over its reward
/// (1 for an improvement over the parent, up to <see cref="BanditSettings.RewardOk"/> for another ok candidate, 0 otherwise)
/// and the largest sample wins. The genome's weights set the prior means (the heaviest operator starts at 0.5, the
/// others in proportion), worth <see cref="BanditSettings.PriorStrength"/> observations; evidence decays by
/// <see cref="BanditSettings.Discount"/> per decision back towards the prior, so the choice follows recent success
/// and an operator left unused long enough gets tried again.</summary>
internal sealed class OperatorBandit
{
    private readonly BanditSettings _settings;
    private readonly double[] _weights;
    private readonly double[] _priorSuccesses;
    private readonly double[] _priorFailures;
    private readonly double[] _successes;
    private readonly double[] _failures;

    public OperatorBandit(BanditSettings settings, OperatorWeights weights)
    {
        _settings = settings;
        _weights = weights.InOrder();
        _successes = new double[_weights.Length];
        _failures = new double[_weights.Length];
        var heaviest = _weights.Max();
        _priorSuccesses = [.. _weights.Select(w => settings.PriorStrength * PriorMean(w, heaviest))];
        _priorFailures = [.. _weights.Select(w => settings.PriorStrength * (1 - PriorMean(w, heaviest)))];
    }

    private static double PriorMean(double weight, double heaviest) =>
        heaviest > 0 ? Math.Clamp(0.5 * weight / heaviest, 0.01, 0.5) : 0.5;

    /// <summary>The reward of one decision: 1 for an improvement; for another ok child <see cref="BanditSettings.RewardOk"/>,
    /// falling linearly to 0 as the child's loss relative to its parent's score reaches
    /// <see cref="BanditSettings.WorseTolerance"/>; 0 for any other outcome.</summary>
    /// <param name="gain">The child's gain over its parent in the objective's direction (negative: worse), or null
    /// when the parent has no score.</param>
    public static double Reward(BanditSettings settings, bool ok, bool improved, double? gain, double parentScore)
    {
        if (!ok)
            return 0;
        if (improved)
            return 1;
        if (gain is not < 0 || settings.WorseTolerance <= 0)
            return settings.RewardOk;
        var relativeLoss = -gain.Value / Math.Max(Math.Abs(parentScore), 1e-12);
        return settings.RewardOk * Math.Max(0, 1 - relativeLoss / settings.WorseTolerance);
    }

    /// <summary>Discounted reward evidence for <paramref name="kind"/>.</summary>
    public void Record(MutationKind kind, double reward)
    {
        for (var i = 0; i < _successes.Length; i++)
        {
            _successes[i] *= _settings.Discount;
            _failures[i] *= _settings.Discount;
        }
        _successes[(int)kind] += reward;
        _failures[(int)kind] += 1 - reward;
    }

    /// <summary>Posterior mean reward of an operator.</summary>
    public double Mean(MutationKind kind)
    {
        var i = (int)kind;
        return (_priorSuccesses[i] + _successes[i]) / (_settings.PriorStrength + _successes[i] + _failures[i]);
    }

    /// <summary>An enabled, applicable operator, or null when none is.</summary>
    public MutationKind? Choose(SearchRandom random, Func<MutationKind, bool> applicable)
    {
        var enabled = MutationKinds.All.Where(k => _weights[(int)k] > 0 && applicable(k)).ToArray();
        if (enabled.Length == 0)
            return null;
        if (random.Chance(_settings.Epsilon))
            return enabled[random.Next(enabled.Length)];
        var best = enabled[0];
        var bestValue = double.NegativeInfinity;
        foreach (var kind in enabled)
        {
            var i = (int)kind;
            var value = random.NextBeta(_priorSuccesses[i] + _successes[i], _priorFailures[i] + _failures[i]);
            if (value > bestValue)
            {
                best = kind;
                bestValue = value;
            }
        }
        return best;
    }

    public string Fingerprint() => string.Join(' ', MutationKinds.All.Select(k =>
        string.Create(CultureInfo.InvariantCulture, $"{k.ToWire()}={_successes[(int)k]:R}/{_failures[(int)k]:R}")));
}
