namespace OpenIcs.Statistics;

/// <summary>The direction of an indicator's recent trend.</summary>
public enum TrendDirection
{
    /// <summary>Fewer than five points, or counts that cannot be tested.</summary>
    CannotBeCalculated,

    /// <summary>No significant change over the last five points.</summary>
    NoSignificantChange,

    /// <summary>Significantly increasing.</summary>
    Increasing,

    /// <summary>Significantly decreasing.</summary>
    Decreasing,
}

/// <summary>Whether the counts are a proportion (numerator within denominator) or a rate (events in a population).</summary>
public enum TrendStatistic
{
    /// <summary>Numerators are people within the denominators: binomial variance p(1 − p).</summary>
    Proportion,

    /// <summary>Numerators are events in a population: Poisson variance.</summary>
    Rate,
}

/// <summary>The recent trend of an indicator: its direction and, with polarity, whether it is getting better or worse.</summary>
/// <param name="Direction">Increasing, decreasing, no significant change, or cannot be calculated.</param>
/// <param name="Assessment">Better or worse (or higher/lower without polarity) when significant; otherwise Similar or NotCompared.</param>
/// <param name="ChiSquare">The chi-square statistic for trend (1 degree of freedom), NaN when not calculated.</param>
/// <param name="PValue">Its p-value, NaN when not calculated.</param>
/// <remarks>
/// The Fingertips recent-trend method: a chi-square test for linear trend (Cochran-Armitage; Altman DG. Practical Statistics
/// for Medical Research, 1991:261-265) over the five most recent points, scored 1 to 5, with the trend called significant
/// at the 0.1% level (99.9%) by default, as Fingertips does to limit false alarms across many indicators:
/// χ² = [Σ tᵢOᵢ − p̄ Σ tᵢnᵢ]² / (V [Σ nᵢtᵢ² − (Σ nᵢtᵢ)²/Σ nᵢ]) with p̄ = ΣO/Σn and V = p̄(1 − p̄) for proportions or p̄ for rates.
/// Cannot be calculated with fewer than five points, a zero denominator, or when every count is zero (or, for
/// proportions, every count equals its denominator).
/// </remarks>
public readonly record struct RecentTrend(TrendDirection Direction, BenchmarkComparison Assessment, double ChiSquare, double PValue)
{
    /// <summary>The number of most recent points the test uses.</summary>
    public const int Points = 5;

    /// <summary>The default significance level (0.1%).</summary>
    public const double DefaultSignificance = 0.001;

    /// <summary>Tests the trend of the last five of <paramref name="numerators"/>/<paramref name="denominators"/>, oldest first.</summary>
    public static RecentTrend Assess(ReadOnlySpan<double> numerators, ReadOnlySpan<double> denominators,
        TrendStatistic statistic, Polarity polarity, double significance = DefaultSignificance)
    {
        if (numerators.Length != denominators.Length)
        {
            throw new ArgumentException("A trend needs a numerator and a denominator for every point.");
        }

        var notCalculated = new RecentTrend(TrendDirection.CannotBeCalculated, BenchmarkComparison.NotCompared, double.NaN, double.NaN);
        if (numerators.Length < Points)
        {
            return notCalculated;
        }

        var counts = numerators[^Points..];
        var sizes = denominators[^Points..];
        double o = 0, n = 0, to = 0, tn = 0, ttn = 0;
        for (var i = 0; i < Points; i++)
        {
            if (!(counts[i] >= 0) || !(sizes[i] > 0) || (statistic == TrendStatistic.Proportion && counts[i] > sizes[i]))
            {
                return notCalculated;
            }

            var t = i + 1;
            o += counts[i];
            n += sizes[i];
            to += t * counts[i];
            tn += t * sizes[i];
            ttn += t * t * sizes[i];
        }

        var p = o / n;
        var variance = statistic == TrendStatistic.Proportion ? p * (1 - p) : p;
        var spread = ttn - (tn * tn / n);
        if (!(variance > 0) || !(spread > 0))
        {
            return notCalculated;
        }

        var difference = to - (p * tn);
        var chiSquare = difference * difference / (variance * spread);
        var pValue = Distributions.ChiSquareUpperTail(chiSquare, 1);
        if (pValue >= significance)
        {
            return new RecentTrend(TrendDirection.NoSignificantChange, BenchmarkComparison.Similar, chiSquare, pValue);
        }

        var increasing = difference > 0;
        return new RecentTrend(increasing ? TrendDirection.Increasing : TrendDirection.Decreasing,
            Benchmark.Judge(increasing, polarity), chiSquare, pValue);
    }
}
