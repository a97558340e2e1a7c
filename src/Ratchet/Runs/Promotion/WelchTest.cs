namespace Ratchet.Runs.Promotion;

/// <summary>One-sided Welch t-test of "the candidate's mean gain exceeds <c>margin</c>", which does not assume the
/// two programs are equally noisy.</summary>
internal static class WelchTest
{
    /// <summary>Tests the observed <paramref name="gain"/> (the difference of the means, positive = better) against
    /// <paramref name="margin"/> at one-sided level <paramref name="level"/>. A side with one score borrows the other
    /// side's variance (equal noise is the only assumption left to make). Returns null when neither side shows any
    /// variance: there is nothing to test, so the caller compares plainly.</summary>
    public static TestResult? Run(Sample incumbent, Sample candidate, double gain, double margin, double level)
    {
        var vi = incumbent.Count > 1 ? incumbent.Variance : candidate.Variance;
        var vc = candidate.Count > 1 ? candidate.Variance : incumbent.Variance;
        var si = vi / incumbent.Count;
        var sc = vc / candidate.Count;
        var standardError = Math.Sqrt(si + sc);
        if (standardError == 0)
            return null;
        double df;
        if (incumbent.Count < 2)
            df = candidate.Count - 1;
        else if (candidate.Count < 2)
            df = incumbent.Count - 1;
        else
            df = (si + sc) * (si + sc) / (si * si / (incumbent.Count - 1) + sc * sc / (candidate.Count - 1));
        var t = (gain - margin) / standardError;
        return new TestResult(gain, standardError, t, df, StudentT.UpperTail(t, df), level);
    }
}
