using System.Globalization;
using System.Text;
using Ratchet.Proposers.Builtin.Genome;

namespace Ratchet.Proposers.Builtin.Adaptation;

/// <summary>Per-literal step sizes under the 1/5th success rule: a success grows a literal's relative step by
/// e^adapt, a failure shrinks it by e^(−adapt·p/(1−p)), so the step settles where a fraction p of its moves succeed.
/// Literals are keyed by <see cref="Text.LiteralSite.Key"/>, so memory survives edits elsewhere in the program.</summary>
internal sealed class StepSizeTable(LiteralSettings settings)
{
    private readonly SortedDictionary<string, double> _relative = new(StringComparer.Ordinal);

    /// <summary>The relative step of a literal (its initial step until it has been tried).</summary>
    public double RelativeStep(string key) => _relative.GetValueOrDefault(key, Clamp(settings.InitialStep));

    /// <summary>The absolute step for a literal currently worth <paramref name="value"/>.</summary>
    public double StepFor(string key, double value) => RelativeStep(key) * Scale(value);

    public double Scale(double value) => Math.Max(Math.Abs(value), settings.ZeroScale);

    public void Record(string key, bool success)
    {
        var p = settings.SuccessRate;
        var factor = success ? settings.Adapt : -settings.Adapt * p / (1 - p);
        _relative[key] = Clamp(RelativeStep(key) * Math.Exp(factor));
    }

    public string Fingerprint()
    {
        var text = new StringBuilder();
        foreach (var (key, step) in _relative)
            text.Append(CultureInfo.InvariantCulture, $"{key}={step:R}\n");
        return text.ToString();
    }

    private double Clamp(double step) => Math.Clamp(step, settings.MinStep, settings.MaxStep);
}
