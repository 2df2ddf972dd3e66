namespace OpenIcs.Statistics;

/// <summary>Crude rates: events per population (per 100,000 by default), with Poisson confidence limits.</summary>
/// <remarks>
/// As PHEindicatormethods' <c>phe_rate</c> and the Fingertips technical guidance: the interval for the count is exact for
/// fewer than 10 events and Byar's for 10 or more (<see cref="PoissonInterval.ForCount"/>), divided by the population.
/// Events may exceed the population (repeat admissions), so that is not an error for a rate.
/// </remarks>
public static class CrudeRate
{
    /// <summary>The multiplier used when none is given: a rate per 100,000 population.</summary>
    public const double DefaultMultiplier = 100_000;

    /// <summary>The rate of <paramref name="events"/> in <paramref name="population"/> times <paramref name="multiplier"/>, with its interval.</summary>
    /// <param name="events">The number of events: zero or more.</param>
    /// <param name="population">The population or person-years at risk: more than zero.</param>
    /// <param name="confidence">The confidence level of the interval.</param>
    /// <param name="multiplier">The rate is expressed per this many people; 100,000 by default.</param>
    public static Estimate Calculate(double events, double population, ConfidenceLevel confidence, double multiplier = DefaultMultiplier)
    {
        if (!(population > 0) || double.IsInfinity(population))
        {
            throw new ArgumentOutOfRangeException(nameof(population), population, "A population must be more than zero.");
        }

        var limits = PoissonInterval.ForCount(events, confidence);
        var scale = multiplier / population;
        return Estimate.Published(events * scale, limits.Scale(scale));
    }
}
