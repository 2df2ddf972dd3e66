namespace OpenIcs.Statistics;

/// <summary>An abridged life table: life expectancy at the start of each age band, with its standard error.</summary>
/// <remarks>
/// Chiang's method II: Chiang CL. The Life Table and its Construction. In: Introduction to Stochastic Processes in
/// Biostatistics. Wiley, 1968:189-214; with the variance of the final open band from Silcocks PBS, Jenner DA, Reza R.
/// J Epidemiol Community Health 2001;55:38-43; as in the PHE Life Expectancy Calculator and PHEindicatormethods'
/// <c>phe_life_expectancy</c>. The fraction of the interval lived by those who die is 0.1 for the band starting at age 0
/// and 0.5 for every other band; the last band's length is 2/Mω.
/// Rules the reference applies, each giving a table that is not published, with a note: any negative deaths, any
/// population of zero or less, any band with more deaths than population, a total population of 5,000 or less, and (so
/// that the final band's mean survival 1/Mω is finite) no deaths in the final band. A value whose 95% interval is wider
/// than 20 years is withheld, though its interval is still shown.
/// </remarks>
public sealed class LifeTable
{
    /// <summary>A total population at or below this gives no life table.</summary>
    public const double MinimumTotalPopulation = 5000;

    /// <summary>Values whose 95% interval is wider than this many years are withheld.</summary>
    public const double MaximumInterval95Years = 20;

    private readonly double[] _expectancy;
    private readonly double[] _standardError;

    private LifeTable(AgeBands bands, double[] expectancy, double[] standardError, string? suppression)
    {
        Bands = bands;
        _expectancy = expectancy;
        _standardError = standardError;
        Suppression = suppression;
    }

    /// <summary>The age bands of the table.</summary>
    public AgeBands Bands { get; }

    /// <summary>Why the whole table is not published, or null.</summary>
    public string? Suppression { get; }

    /// <summary>Builds the table from deaths and populations in the order of <paramref name="bands"/>.</summary>
    public static LifeTable Calculate(ReadOnlySpan<double> deaths, ReadOnlySpan<double> population, AgeBands bands)
    {
        ArgumentNullException.ThrowIfNull(bands);
        var count = bands.Count;
        if (deaths.Length != count || population.Length != count)
        {
            throw new ArgumentException($"A life table needs deaths and population for each of its {count} age bands.");
        }

        var suppression = FindSuppression(deaths, population);
        if (suppression is not null)
        {
            return new LifeTable(bands, new double[count], new double[count], suppression);
        }

        var starts = bands.StartAges;
        var last = count - 1;
        Span<double> length = stackalloc double[count], fraction = stackalloc double[count], q = stackalloc double[count];
        Span<double> alive = stackalloc double[count + 1], lived = stackalloc double[count];
        alive[0] = 100_000;
        for (var i = 0; i < count; i++)
        {
            var mortality = deaths[i] / population[i];
            fraction[i] = starts[i] == 0 ? 0.1 : 0.5;
            length[i] = i < last ? starts[i + 1] - starts[i] : 2 / mortality;
            // Chiang: q = nM / (1 + nM(1 − a)), capped at 1 where deaths exceed what the band can hold.
            q[i] = i == last ? 1
                : deaths[i] <= population[i] / length[i] / fraction[i]
                    ? mortality * length[i] / (1 + (mortality * length[i] * (1 - fraction[i])))
                    : 1;
            alive[i + 1] = alive[i] * (1 - q[i]);
            lived[i] = i < last
                ? length[i] * (alive[i + 1] + (fraction[i] * (alive[i] - alive[i + 1])))
                : alive[i] / mortality;
        }

        var expectancy = new double[count];
        var standardError = new double[count];
        double yearsLived = 0, weightedVariance = 0;
        for (var i = last; i >= 0; i--)
        {
            yearsLived += lived[i];
            expectancy[i] = alive[i] == 0 ? 0 : yearsLived / alive[i];
            double weight;
            if (i == last)
            {
                var mortality = deaths[i] / population[i];
                var half = alive[i] / 2;
                weight = half * half * 4 / (deaths[i] * mortality * mortality);
            }
            else
            {
                var died = alive[i] - alive[i + 1];
                var varianceOfQ = died == 0 ? 0 : q[i] * q[i] * (1 - q[i]) / deaths[i];
                var years = ((1 - fraction[i]) * length[i]) + expectancy[i + 1];
                weight = varianceOfQ * alive[i] * alive[i] * years * years;
            }

            weightedVariance += weight;
            standardError[i] = alive[i] == 0 ? double.NaN : Math.Sqrt(weightedVariance / (alive[i] * alive[i]));
        }

        return new LifeTable(bands, expectancy, standardError, null);
    }

    /// <summary>Life expectancy at birth with its interval at <paramref name="confidence"/>.</summary>
    public Estimate AtBirth(ConfidenceLevel confidence) => AtBand(0, confidence);

    /// <summary>Life expectancy at the start of band <paramref name="band"/> (0-based) with its interval.</summary>
    public Estimate AtBand(int band, ConfidenceLevel confidence)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(band);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(band, Bands.Count);
        if (Suppression is not null)
        {
            return Estimate.NotPublished(Suppression);
        }

        var value = _expectancy[band];
        var error = _standardError[band];
        var interval = new ConfidenceInterval(value - (confidence.Z * error), value + (confidence.Z * error));
        return 2 * ConfidenceLevel.Percent95.Z * error > MaximumInterval95Years
            ? Estimate.ValueWithheld(interval, $"life expectancy withheld: its 95% interval is wider than {MaximumInterval95Years} years")
            : Estimate.Published(value, interval);
    }

    /// <summary>The standard error of life expectancy at the start of band <paramref name="band"/>, in years.</summary>
    public double StandardError(int band) => Suppression is null ? _standardError[band] : double.NaN;

    private static string? FindSuppression(ReadOnlySpan<double> deaths, ReadOnlySpan<double> population)
    {
        double total = 0;
        for (var i = 0; i < deaths.Length; i++)
        {
            if (!(deaths[i] >= 0))
            {
                return "life expectancy not published: some age bands have negative deaths";
            }

            if (!(population[i] > 0))
            {
                return "life expectancy not published: some age bands have a population of zero or less";
            }

            if (deaths[i] > population[i])
            {
                return "life expectancy not published: some age bands have more deaths than population";
            }

            total += population[i];
        }

        if (total <= MinimumTotalPopulation)
        {
            return $"life expectancy not published: total population {total} is {MinimumTotalPopulation} or less";
        }

        return deaths[^1] == 0 ? "life expectancy not published: no deaths in the final (open) age band" : null;
    }
}
