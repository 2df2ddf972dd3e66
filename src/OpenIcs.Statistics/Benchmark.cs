namespace OpenIcs.Statistics;

/// <summary>Which direction of an indicator is good for health: a higher vaccination rate, a lower mortality rate.</summary>
public enum Polarity
{
    /// <summary>Higher values are better (e.g. screening coverage).</summary>
    HighIsGood,

    /// <summary>Lower values are better (e.g. premature mortality).</summary>
    LowIsGood,

    /// <summary>Neither direction is better (e.g. population size): report higher or lower only.</summary>
    NoJudgement,
}

/// <summary>How an area compares with its benchmark (England, London, the ICS).</summary>
public enum BenchmarkComparison
{
    /// <summary>Not compared: a value or interval is missing.</summary>
    NotCompared,

    /// <summary>Statistically similar to the benchmark.</summary>
    Similar,

    /// <summary>Significantly better than the benchmark.</summary>
    Better,

    /// <summary>Significantly worse than the benchmark.</summary>
    Worse,

    /// <summary>Significantly higher, where no direction is better.</summary>
    Higher,

    /// <summary>Significantly lower, where no direction is better.</summary>
    Lower,
}

/// <summary>An area's quintile among its peers, named for its polarity.</summary>
public enum QuintileComparison
{
    /// <summary>Not compared: no value, or too few areas.</summary>
    NotCompared,

    /// <summary>In the best fifth.</summary>
    Best,

    /// <summary>In the second-best fifth.</summary>
    Better,

    /// <summary>In the middle fifth.</summary>
    Middle,

    /// <summary>In the second-worst fifth.</summary>
    Worse,

    /// <summary>In the worst fifth.</summary>
    Worst,

    /// <summary>In the lowest fifth (no direction is better).</summary>
    Lowest,

    /// <summary>In the second-lowest fifth.</summary>
    Low,

    /// <summary>In the second-highest fifth.</summary>
    High,

    /// <summary>In the highest fifth.</summary>
    Highest,
}

/// <summary>Fingertips-style benchmarking: better, similar or worse than a comparator, or a quintile among peers.</summary>
/// <remarks>
/// Public Health Outcomes Framework / Fingertips technical guidance: an area is significantly different from its
/// benchmark when the benchmark's value lies outside the area's confidence interval (95% or 99.8%); where both have
/// intervals (two areas, or two periods), they differ when the intervals do not overlap. Polarity turns higher/lower into
/// better/worse. The quintile method ranks areas with <see cref="Quantile.Assign"/> into fifths, lowest values first.
/// </remarks>
public static class Benchmark
{
    /// <summary>Compares an area's interval with the benchmark's value.</summary>
    public static BenchmarkComparison AgainstValue(ConfidenceInterval area, double benchmark, Polarity polarity)
    {
        if (!area.IsPublished || double.IsNaN(benchmark))
        {
            return BenchmarkComparison.NotCompared;
        }

        return area.Lower > benchmark ? Judge(higher: true, polarity)
            : area.Upper < benchmark ? Judge(higher: false, polarity)
            : BenchmarkComparison.Similar;
    }

    /// <summary>Compares two intervals: different only where they do not overlap.</summary>
    public static BenchmarkComparison ByOverlap(ConfidenceInterval area, ConfidenceInterval benchmark, Polarity polarity)
    {
        if (!area.IsPublished || !benchmark.IsPublished)
        {
            return BenchmarkComparison.NotCompared;
        }

        return area.Lower > benchmark.Upper ? Judge(higher: true, polarity)
            : area.Upper < benchmark.Lower ? Judge(higher: false, polarity)
            : BenchmarkComparison.Similar;
    }

    /// <summary>Places each area's value in a fifth among all the areas' values, named for the polarity.</summary>
    public static QuintileComparison[] ByQuintile(ReadOnlySpan<double> values, Polarity polarity)
    {
        var quintiles = Quantile.Assign(values, 5, invert: false);
        var result = new QuintileComparison[quintiles.Length];
        for (var i = 0; i < quintiles.Length; i++)
        {
            var q = quintiles[i];
            result[i] = q == 0 ? QuintileComparison.NotCompared : polarity switch
            {
                Polarity.HighIsGood => (QuintileComparison)(6 - q),
                Polarity.LowIsGood => (QuintileComparison)q,
                _ => q switch
                {
                    1 => QuintileComparison.Lowest,
                    2 => QuintileComparison.Low,
                    3 => QuintileComparison.Middle,
                    4 => QuintileComparison.High,
                    _ => QuintileComparison.Highest,
                },
            };
        }

        return result;
    }

    internal static BenchmarkComparison Judge(bool higher, Polarity polarity) => polarity switch
    {
        Polarity.HighIsGood => higher ? BenchmarkComparison.Better : BenchmarkComparison.Worse,
        Polarity.LowIsGood => higher ? BenchmarkComparison.Worse : BenchmarkComparison.Better,
        _ => higher ? BenchmarkComparison.Higher : BenchmarkComparison.Lower,
    };
}
