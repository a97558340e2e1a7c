namespace Ratchet.Proposers.Builtin.Adaptation;

internal sealed partial class CmaState
{
    private static double[,] Identity(int n)
    {
        var m = new double[n, n];
        for (var i = 0; i < n; i++)
            m[i, i] = 1;
        return m;
    }

    /// <summary>The lower Cholesky factor of <paramref name="c"/>, or null when it is not positive definite.</summary>
    private static double[,]? Cholesky(double[,] c)
    {
        var n = c.GetLength(0);
        var l = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = c[i, j];
                for (var k = 0; k < j; k++)
                    sum -= l[i, k] * l[j, k];
                if (i == j)
                {
                    if (!(sum > 1e-20) || !double.IsFinite(sum))
                        return null;
                    l[i, i] = Math.Sqrt(sum);
                }
                else
                {
                    l[i, j] = sum / l[j, j];
                }
            }
        }
        return l;
    }

    /// <summary>Numerical trouble drops the learnt correlations but keeps the learnt variances.</summary>
    private double[,] ResetToDiagonal()
    {
        var n = Dimensions;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (i != j)
                    _covariance[i, j] = 0;
            }
            _covariance[i, i] = Math.Clamp(_covariance[i, i], 1e-12, 1e12);
            if (!double.IsFinite(_covariance[i, i]))
                _covariance[i, i] = 1;
        }
        var l = new double[n, n];
        for (var i = 0; i < n; i++)
            l[i, i] = Math.Sqrt(_covariance[i, i]);
        return l;
    }
}
