namespace OpenIcs.Statistics;

/// <summary>A standard population: the age structure that directly standardised rates are weighted to.</summary>
/// <remarks>
/// The European Standard Population 2013 (Eurostat, 2013 revision) is the default in England, as in Fingertips and
/// PHEindicatormethods' <c>esp2013</c>. Any other standard (1976 ESP, a local population) can be built with
/// <see cref="Create"/>; weights need not sum to 100,000.
/// </remarks>
public sealed class StandardPopulation
{
    private readonly double[] _weights;

    private StandardPopulation(AgeBands bands, double[] weights)
    {
        Bands = bands;
        _weights = weights;
        Total = weights.Sum();
    }

    /// <summary>European Standard Population 2013: 19 bands 0-4 … 90+, totalling 100,000.</summary>
    public static StandardPopulation EuropeanStandard2013 { get; } = new(AgeBands.FiveYear,
        [5000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000, 7000, 6500, 6000, 5500, 5000, 4000, 2500, 1500, 1000]);

    /// <summary>The age bands the weights apply to, in order.</summary>
    public AgeBands Bands { get; }

    /// <summary>The standard population in each band, in band order.</summary>
    public ReadOnlySpan<double> Weights => _weights;

    /// <summary>The sum of the weights.</summary>
    public double Total { get; }

    /// <summary>A standard population with one positive weight per band.</summary>
    public static StandardPopulation Create(AgeBands bands, ReadOnlySpan<double> weights)
    {
        ArgumentNullException.ThrowIfNull(bands);
        if (weights.Length != bands.Count)
        {
            throw new ArgumentException($"A standard population needs {bands.Count} weights, one per age band; got {weights.Length}.", nameof(weights));
        }

        foreach (var weight in weights)
        {
            if (!(weight >= 0) || double.IsInfinity(weight))
            {
                throw new ArgumentException($"Standard population weights must be zero or more; got {weight}.", nameof(weights));
            }
        }

        var copy = weights.ToArray();
        if (copy.Sum() <= 0)
        {
            throw new ArgumentException("A standard population must have a positive total.", nameof(weights));
        }

        return new StandardPopulation(bands, copy);
    }
}
