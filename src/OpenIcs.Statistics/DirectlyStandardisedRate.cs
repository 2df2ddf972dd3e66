namespace OpenIcs.Statistics;

/// <summary>A directly standardised rate (DSR): age-specific rates weighted to a standard population.</summary>
/// <remarks>
/// Confidence limits by Dobson's method: Dobson AJ, Kuulasmaa K, Eberle E, Scherer J. Confidence intervals for weighted
/// sums of Poisson parameters. Stat Med 1991;10:457-462, with Byar's limits for the total count, as in the Fingertips
/// technical guidance and PHEindicatormethods' <c>calculate_dsr</c>:
/// DSR ± √(var(DSR)/O) × (O_limit − O), where var(DSR) = Σ wᵢ² Oᵢ / nᵢ² / (Σ wᵢ)².
/// Rule: a DSR is not published when the total count is under 10 (<see cref="MinimumEvents"/>); zero events in a band
/// are fine, a population of zero or less in any band is an error.
/// </remarks>
public readonly record struct DirectlyStandardisedRate
{
    /// <summary>DSRs for fewer total events than this are not published.</summary>
    public const double MinimumEvents = 10;

    private readonly double _rate;
    private readonly double _standardError;

    private DirectlyStandardisedRate(double totalEvents, double totalPopulation, double rate, double standardError)
    {
        TotalEvents = totalEvents;
        TotalPopulation = totalPopulation;
        _rate = rate;
        _standardError = standardError;
    }

    /// <summary>The total events across the age bands (the numerator).</summary>
    public double TotalEvents { get; }

    /// <summary>The total population across the age bands (the denominator).</summary>
    public double TotalPopulation { get; }

    /// <summary>Whether the DSR is published (at least 10 events).</summary>
    public bool IsPublished => TotalEvents >= MinimumEvents;

    /// <summary>The rate per multiplier, or NaN when not published.</summary>
    public double Rate => IsPublished ? _rate : double.NaN;

    /// <summary>
    /// Standardises the age-specific <paramref name="events"/> and <paramref name="population"/> (in the standard's band
    /// order) to <paramref name="standard"/>, expressed per <paramref name="multiplier"/> people.
    /// </summary>
    public static DirectlyStandardisedRate Calculate(
        ReadOnlySpan<double> events, ReadOnlySpan<double> population, StandardPopulation standard, double multiplier = CrudeRate.DefaultMultiplier)
    {
        ArgumentNullException.ThrowIfNull(standard);
        var weights = standard.Weights;
        if (events.Length != weights.Length || population.Length != weights.Length)
        {
            throw new ArgumentException(
                $"A DSR needs one count and one population per age band ({weights.Length}); got {events.Length} and {population.Length}.");
        }

        double totalEvents = 0, totalPopulation = 0, weighted = 0, variance = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            var count = events[i];
            var people = population[i];
            if (!(count >= 0) || !(people > 0) || double.IsInfinity(count) || double.IsInfinity(people))
            {
                throw new ArgumentOutOfRangeException(nameof(events),
                    $"Age band {standard.Bands.Labels[i]}: events must be zero or more and population more than zero (got {count} and {people}).");
            }

            var weightPerPerson = weights[i] / people;
            totalEvents += count;
            totalPopulation += people;
            weighted += count * weightPerPerson;
            variance += count * weightPerPerson * weightPerPerson;
        }

        var rate = weighted / standard.Total * multiplier;
        var standardError = totalEvents > 0 ? Math.Sqrt(variance / totalEvents) / standard.Total * multiplier : 0;
        return new DirectlyStandardisedRate(totalEvents, totalPopulation, rate, standardError);
    }

    /// <summary>The rate with its Dobson interval at <paramref name="confidence"/>, or the reason it is not published.</summary>
    public Estimate ToEstimate(ConfidenceLevel confidence)
    {
        if (!IsPublished)
        {
            return Estimate.NotPublished($"DSR not published: total count {TotalEvents} is under {MinimumEvents}");
        }

        var z = confidence.Z;
        var lower = _rate + (_standardError * (PoissonInterval.ByarLower(TotalEvents, z) - TotalEvents));
        var upper = _rate + (_standardError * (PoissonInterval.ByarUpper(TotalEvents, z) - TotalEvents));
        return Estimate.Published(_rate, new ConfidenceInterval(lower, upper));
    }
}
