namespace OpenIcs.Statistics;

/// <summary>How far an area lies from the funnel plot's average.</summary>
public enum FunnelSignificance
{
    /// <summary>Inside the 95% limits.</summary>
    NotSignificant,

    /// <summary>Below the lower 95% (two-standard-deviation, p = 0.025) limit.</summary>
    Low95,

    /// <summary>Below the lower 99.8% (three-standard-deviation, p = 0.001) limit.</summary>
    Low998,

    /// <summary>Above the upper 95% limit.</summary>
    High95,

    /// <summary>Above the upper 99.8% limit.</summary>
    High998,
}

/// <summary>A point on a rate funnel: for a count of events, the limit rates (per person) and the populations where they are reached.</summary>
public readonly record struct RateFunnelPoint(double Events, double LowerRate, double PopulationAtLower, double UpperRate, double PopulationAtUpper);

/// <summary>Funnel plot control limits around an average proportion or rate, as a function of population size.</summary>
/// <remarks>
/// Proportions: the limits used by the Fingertips technical guidance and PHEindicatormethods' <c>phe_funnels</c> and
/// <c>phe_funnel_significance</c>: for a denominator n and average proportion π, the limits are the observed proportions
/// whose Wilson score interval just reaches π, i.e. the roots y/n of
/// (1/z² + 1/n) y² − 2π(n/z² + 1) y + π(n(π(n/z² + 2) − 1) + z²(π − 1)) = 0.
/// Rates along the events axis (<see cref="ForRateEvents"/>) follow PHEindicatormethods' <c>calculate_funnel_limits</c>
/// and match its test data. Rates along the population axis (<see cref="ForRate"/>) use the exact Poisson limits of the
/// expected count E = rate × population, χ²(α/2, 2E)/2 and χ²(1 − α/2, 2E + 2)/2, divided by the population
/// (Spiegelhalter DJ. Funnel plots for comparing institutional performance. Stat Med 2005;24:1185-1202); those have no
/// reference test data.
/// </remarks>
public static class FunnelLimits
{
    /// <summary>The control limits, on the 0-1 scale, for a proportion with <paramref name="denominator"/> around <paramref name="average"/>.</summary>
    /// <remarks>Not clamped: the lower limit may fall below 0 and the upper above 1 for small denominators.</remarks>
    public static ConfidenceInterval ForProportion(double average, double denominator, ConfidenceLevel confidence)
    {
        if (!(average >= 0 && average <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(average), average, "An average proportion must be between 0 and 1.");
        }

        if (!(denominator > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(denominator), denominator, "A denominator must be more than zero.");
        }

        var zSquared = confidence.Z * confidence.Z;
        var a = (1 / zSquared) + (1 / denominator);
        var halfB = average * ((denominator / zSquared) + 1);
        var c = average * ((denominator * ((average * ((denominator / zSquared) + 2)) - 1)) + (zSquared * (average - 1)));
        var root = Math.Sqrt(Math.Max(0, (halfB * halfB) - (a * c)));
        return new ConfidenceInterval((halfB - root) / a / denominator, (halfB + root) / a / denominator);
    }

    /// <summary>The control limits for a rate (events per person) with <paramref name="population"/> around <paramref name="averageRate"/>.</summary>
    public static ConfidenceInterval ForRate(double averageRate, double population, ConfidenceLevel confidence)
    {
        if (!(averageRate >= 0) || !(population > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(population), "A rate funnel needs an average rate of zero or more and a population of more than zero.");
        }

        return PoissonInterval.Exact(averageRate * population, confidence).Scale(1 / population);
    }

    /// <summary>The funnel for a rate, read along the events axis: the rates and populations at which <paramref name="events"/> lie on the limits.</summary>
    /// <remarks>
    /// As PHEindicatormethods' <c>calculate_funnel_limits</c> for rates: with U and L the exact Poisson limits of the
    /// events O, the lower limit is rate × O/U, reached at population U/rate, and the upper limit rate × O/L at population L/rate.
    /// </remarks>
    public static RateFunnelPoint ForRateEvents(double averageRate, double events, ConfidenceLevel confidence)
    {
        if (!(averageRate > 0) || !(events > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(events), "A rate funnel by events needs an average rate and a count of events above zero.");
        }

        var limits = PoissonInterval.Exact(events, confidence);
        return new RateFunnelPoint(events,
            averageRate * events / limits.Upper, limits.Upper / averageRate,
            averageRate * events / limits.Lower, limits.Lower / averageRate);
    }

    /// <summary>Where a proportion <paramref name="numerator"/>/<paramref name="denominator"/> lies against the funnel around <paramref name="average"/>.</summary>
    /// <remarks>Checks the 99.8% limits before the 95% ones, so an area beyond both is reported at 99.8%.</remarks>
    public static FunnelSignificance ClassifyProportion(double numerator, double denominator, double average)
    {
        var observed = numerator / denominator;
        var wide = ForProportion(average, denominator, ConfidenceLevel.Percent998);
        var narrow = ForProportion(average, denominator, ConfidenceLevel.Percent95);
        return observed < wide.Lower ? FunnelSignificance.Low998
            : observed < narrow.Lower ? FunnelSignificance.Low95
            : observed > wide.Upper ? FunnelSignificance.High998
            : observed > narrow.Upper ? FunnelSignificance.High95
            : FunnelSignificance.NotSignificant;
    }
}
