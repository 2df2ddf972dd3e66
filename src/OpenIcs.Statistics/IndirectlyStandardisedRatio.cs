namespace OpenIcs.Statistics;

/// <summary>An indirectly standardised ratio (ISR, e.g. an SMR): observed events over those expected from reference rates.</summary>
/// <remarks>
/// As APHO Technical Briefing 3 and PHEindicatormethods' <c>calculate_ISRatio</c> / <c>calculate_ISRate</c>: expected events
/// E = Σ nᵢ × (reference eventsᵢ / reference populationᵢ); the ratio is O/E; its limits are the Poisson limits of O (exact
/// under 10 events, Byar's from 10; <see cref="PoissonInterval.ForCount"/>) divided by E. The indirectly standardised
/// rate is the ratio times the reference population's crude rate. Zero observed events are published (ratio 0).
/// </remarks>
public readonly record struct IndirectlyStandardisedRatio
{
    private IndirectlyStandardisedRatio(double observed, double expected, double referenceRate)
    {
        Observed = observed;
        Expected = expected;
        ReferenceRate = referenceRate;
    }

    /// <summary>The observed events (the numerator).</summary>
    public double Observed { get; }

    /// <summary>The events expected had the reference population's age-specific rates applied.</summary>
    public double Expected { get; }

    /// <summary>The reference population's crude rate per person (total events over total population).</summary>
    public double ReferenceRate { get; }

    /// <summary>Computes the ISR from age-specific events and populations and the reference's events and populations, band by band.</summary>
    public static IndirectlyStandardisedRatio Calculate(
        ReadOnlySpan<double> events, ReadOnlySpan<double> population,
        ReadOnlySpan<double> referenceEvents, ReadOnlySpan<double> referencePopulation)
    {
        var bands = events.Length;
        if (population.Length != bands || referenceEvents.Length != bands || referencePopulation.Length != bands)
        {
            throw new ArgumentException("An ISR needs events, population, reference events and reference population for every age band.");
        }

        double observed = 0, expected = 0, referenceTotal = 0, referencePeople = 0;
        for (var i = 0; i < bands; i++)
        {
            if (!(events[i] >= 0) || !(population[i] >= 0) || !(referenceEvents[i] >= 0) || !(referencePopulation[i] > 0))
            {
                throw new ArgumentOutOfRangeException(nameof(events),
                    $"Age band {i + 1}: counts and populations must be zero or more, and the reference population more than zero.");
            }

            observed += events[i];
            expected += population[i] * referenceEvents[i] / referencePopulation[i];
            referenceTotal += referenceEvents[i];
            referencePeople += referencePopulation[i];
        }

        return FromTotals(observed, expected, referenceTotal / referencePeople);
    }

    /// <summary>An ISR from already-summed observed and expected events, and the reference crude rate per person.</summary>
    public static IndirectlyStandardisedRatio FromTotals(double observed, double expected, double referenceRate)
    {
        if (!(observed >= 0) || double.IsInfinity(observed))
        {
            throw new ArgumentOutOfRangeException(nameof(observed), observed, "Observed events must be zero or more.");
        }

        if (!(expected > 0) || double.IsInfinity(expected))
        {
            throw new ArgumentOutOfRangeException(nameof(expected), expected,
                "Expected events must be more than zero: the reference population has no events in the bands present.");
        }

        return new IndirectlyStandardisedRatio(observed, expected, referenceRate);
    }

    /// <summary>The ratio O/E times <paramref name="multiplier"/> (1 for a ratio, 100 for an SMR as a percentage), with its interval.</summary>
    public Estimate Ratio(ConfidenceLevel confidence, double multiplier = 1)
    {
        var scale = multiplier / Expected;
        return Estimate.Published(Observed * scale, PoissonInterval.ForCount(Observed, confidence).Scale(scale));
    }

    /// <summary>The indirectly standardised rate per <paramref name="multiplier"/> people: the ratio times the reference crude rate.</summary>
    public Estimate Rate(ConfidenceLevel confidence, double multiplier = CrudeRate.DefaultMultiplier) =>
        Ratio(confidence, ReferenceRate * multiplier);
}
