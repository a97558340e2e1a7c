namespace Ratchet.Runs.Promotion;

/// <summary>One-sided paired t-test of "the candidate's mean gain exceeds <c>margin</c>" for repeats measured in
/// pairs: repeat r of both programs ran with the same seed (visible repeats, and both sides of a confirmation round),
/// so the noise a seed brings cancels in the differences. Under the null the differences are centred at the margin
/// whatever their correlation, so the error bound holds as for Welch's test, with more power when the seed matters.</summary>
internal static class PairedTest
{
    /// <summary>Null when the pairs do not line up (counts differ or fewer than two) or the differences show no spread.</summary>
    public static TestResult? Run(IReadOnlyList<double> incumbent, IReadOnlyList<double> candidate, Func<double, double, double> gain, double margin, double level)
    {
        if (incumbent.Count != candidate.Count || incumbent.Count < 2)
            return null;
        var differences = new double[incumbent.Count];
        for (var r = 0; r < differences.Length; r++)
            differences[r] = gain(candidate[r], incumbent[r]);
        var sample = Sample.Of(differences);
        var standardError = Math.Sqrt(sample.Variance / sample.Count);
        if (standardError == 0 || !double.IsFinite(standardError))
            return null;
        var t = (sample.Mean - margin) / standardError;
        double df = sample.Count - 1;
        return new TestResult(sample.Mean, standardError, t, df, StudentT.UpperTail(t, df), level) { Paired = true };
    }
}
