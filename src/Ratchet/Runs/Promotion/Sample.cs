namespace Ratchet.Runs.Promotion;

/// <summary>Summary of one side's repeat scores: count, mean and unbiased variance (0 for a single score).</summary>
internal sealed record Sample(int Count, double Mean, double Variance)
{
    public static Sample Of(IReadOnlyList<double> scores)
    {
        var mean = 0.0;
        foreach (var score in scores)
            mean += score;
        mean /= scores.Count;
        var squares = 0.0;
        foreach (var score in scores)
            squares += (score - mean) * (score - mean);
        return new Sample(scores.Count, mean, scores.Count > 1 ? squares / (scores.Count - 1) : 0);
    }

    /// <summary>True when every score is the same (a single score counts): the measurement shows no noise.</summary>
    public static bool IsConstant(IReadOnlyList<double> scores)
    {
        for (var i = 1; i < scores.Count; i++)
        {
            if (scores[i] != scores[0])
                return false;
        }
        return true;
    }
}
