namespace OpenIcs.Statistics;

/// <summary>One point of a funnel plot's control limits: a population and the limits at 95% and 99.8%.</summary>
public readonly record struct FunnelPoint(double Population, ConfidenceInterval Limits95, ConfidenceInterval Limits998, double Baseline);

/// <summary>The 100 points of a funnel plot's control limits for proportions, spanning the areas' denominators.</summary>
/// <remarks>
/// As PHEindicatormethods' <c>phe_funnels</c>: the average is Σ numerators / Σ denominators; the axis starts at 1 (or, when
/// the largest denominator is at most twice the smallest, 95% of the smallest rounded down to its leading digit), ends at
/// 105% of the largest rounded up to two significant figures, and steps geometrically, each point at least one more than
/// the last (rounded half to even). Limits come from <see cref="FunnelLimits.ForProportion"/> times the multiplier,
/// with lower limits floored at 0 and upper limits capped at 100 (the reference caps at 100 whatever the multiplier).
/// </remarks>
public static class ProportionFunnel
{
    /// <summary>Points along the funnel.</summary>
    public const int PointCount = 100;

    /// <summary>The funnel's control limits for areas with these numerators and denominators.</summary>
    public static IReadOnlyList<FunnelPoint> Create(ReadOnlySpan<double> numerators, ReadOnlySpan<double> denominators, double multiplier = 100)
    {
        if (numerators.Length != denominators.Length || numerators.IsEmpty)
        {
            throw new ArgumentException("A funnel needs a numerator and a denominator for each of at least one area.");
        }

        double events = 0, people = 0, min = double.MaxValue, max = 0;
        for (var i = 0; i < numerators.Length; i++)
        {
            events += numerators[i];
            people += denominators[i];
            min = Math.Min(min, denominators[i]);
            max = Math.Max(max, denominators[i]);
        }

        var average = events / people;
        var axisMinimum = max > 2 * min ? 0 : FloorToLeadingDigit(min * 0.95);
        var axisMaximum = CeilingToTwoFigures(max * 1.05);
        var points = new FunnelPoint[PointCount];
        var population = Math.Max(1, axisMinimum);
        for (var j = 1; j <= PointCount; j++)
        {
            if (j > 1)
            {
                var step = Math.Pow(axisMaximum / population, 1.0 / (101 - j)) * population;
                population = Math.Max(Math.Round(step, MidpointRounding.ToEven), population + 1);
            }

            points[j - 1] = new FunnelPoint(population,
                Clamp(FunnelLimits.ForProportion(average, population, ConfidenceLevel.Percent95), multiplier),
                Clamp(FunnelLimits.ForProportion(average, population, ConfidenceLevel.Percent998), multiplier),
                average * multiplier);
        }

        return points;
    }

    private static ConfidenceInterval Clamp(ConfidenceInterval limits, double multiplier) =>
        new(Math.Max(0, limits.Lower * multiplier), Math.Min(100, limits.Upper * multiplier));

    private static double FloorToLeadingDigit(double x)
    {
        var digits = Math.Floor(x).ToString(System.Globalization.CultureInfo.InvariantCulture).Length - 1;
        var scale = Math.Pow(10, digits);
        return x == 0 ? 0 : Math.Floor(x / scale) * scale;
    }

    private static double CeilingToTwoFigures(double x)
    {
        var digits = Math.Ceiling(x).ToString(System.Globalization.CultureInfo.InvariantCulture).Length - 2;
        var scale = Math.Pow(10, digits);
        return x == 0 ? 0 : Math.Ceiling(x / scale) * scale;
    }
}
