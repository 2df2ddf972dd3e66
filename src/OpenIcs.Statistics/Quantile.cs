namespace OpenIcs.Statistics;

/// <summary>Assigns small areas to quantiles (deprivation deciles, quintiles) by ranking a score.</summary>
/// <remarks>
/// The PHE method used by PHEindicatormethods' <c>phe_quantile</c>: with N areas that have a score and Q quantiles, an
/// area whose score ranks r (1 = lowest, ties take the lowest rank) is in quantile ⌊(Q + 1) − ⌈((N + 1) − r) / (N / Q)⌉⌋,
/// and 0 becomes 1. When <c>invert</c> is true (the default, as for IMD scores where a high score is more deprived)
/// the ranking is reversed so quantile 1 holds the highest scores, i.e. the most deprived areas.
/// Areas without a score (NaN) get quantile 0 (none); if fewer areas have a score than there are quantiles, none is assigned.
/// </remarks>
public static class Quantile
{
    /// <summary>The quantile (1 to <paramref name="quantiles"/>, or 0 for none) of each score.</summary>
    public static int[] Assign(ReadOnlySpan<double> scores, int quantiles, bool invert = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quantiles, 2);
        var result = new int[scores.Length];
        var scored = 0;
        var max = double.NegativeInfinity;
        foreach (var score in scores)
        {
            if (!double.IsNaN(score))
            {
                scored++;
                max = Math.Max(max, score);
            }
        }

        if (scored < quantiles)
        {
            return result;
        }

        var adjusted = new double[scored];
        var position = new int[scored];
        for (int i = 0, j = 0; i < scores.Length; i++)
        {
            if (!double.IsNaN(scores[i]))
            {
                adjusted[j] = invert ? max - scores[i] : scores[i];
                position[j++] = i;
            }
        }

        Array.Sort(adjusted, position);
        var perQuantile = (double)scored / quantiles;
        var rank = 1;
        for (var k = 0; k < scored; k++)
        {
            if (k == 0 || adjusted[k] != adjusted[k - 1])
            {
                rank = k + 1;
            }

            var quantile = (int)Math.Floor(quantiles + 1 - Math.Ceiling((scored + 1 - rank) / perQuantile));
            result[position[k]] = Math.Max(1, quantile);
        }

        return result;
    }
}
