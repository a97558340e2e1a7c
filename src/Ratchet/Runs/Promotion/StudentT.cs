namespace Ratchet.Runs.Promotion;

/// <summary>Tail probabilities of Student's t distribution with real-valued degrees of freedom (Welch's df is
/// rarely whole).</summary>
internal static class StudentT
{
    /// <summary>P(T &gt; <paramref name="t"/>) for T with <paramref name="degreesOfFreedom"/> degrees of freedom.</summary>
    public static double UpperTail(double t, double degreesOfFreedom)
    {
        if (double.IsNaN(t) || !(degreesOfFreedom > 0))
            return double.NaN;
        if (double.IsPositiveInfinity(t))
            return 0;
        if (double.IsNegativeInfinity(t))
            return 1;
        // P(|T| > |t|) = I_x(df/2, 1/2) with x = df / (df + t^2); halve it for one tail.
        var x = degreesOfFreedom / (degreesOfFreedom + t * t);
        var twoTailed = IncompleteBeta.Regularized(degreesOfFreedom / 2, 0.5, x);
        return t > 0 ? twoTailed / 2 : 1 - twoTailed / 2;
    }
}
