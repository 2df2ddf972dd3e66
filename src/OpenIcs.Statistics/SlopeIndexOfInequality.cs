namespace OpenIcs.Statistics;

/// <summary>The scale on which a quantile's value varies when simulating the SII's confidence interval.</summary>
public enum SiiValueScale
{
    /// <summary>Values vary normally around themselves (the reference's value_type 0).</summary>
    Normal,

    /// <summary>Rates: values vary normally on the log scale (value_type 1 with transform).</summary>
    Log,

    /// <summary>Proportions between 0 and 1: values vary normally on the logit scale (value_type 2 with transform).</summary>
    Logit,
}

/// <summary>The slope and relative indices of inequality (SII, RII) across ordered quantiles such as deprivation deciles.</summary>
/// <remarks>
/// Low A, Low A. Measuring the gap: quantifying and comparing local health inequalities. J Public Health 2004;26:388-395,
/// as in PHEindicatormethods' <c>phe_sii</c>. Quantiles come most deprived first. Each gets the relative rank x at the
/// midpoint of its share a of the cumulative population; the regression Y√a = β₀√a + β₁x√a (weighted least squares)
/// gives SII = β₁, the fitted value at x = 1 minus at x = 0, and RII = (β₀ + β₁)/β₀.
/// The confidence interval is simulated: each repetition draws every quantile's value from a normal distribution with its
/// standard error (on the log or logit scale for rates or proportions), refits, and the interval is the α/2 and 1 − α/2
/// sample quantiles (R's type 7) of the simulated SIIs. The generator is seeded, so a seed gives the same interval every
/// time; the reference uses R's generator, so intervals agree with it only to simulation error.
/// </remarks>
public readonly record struct SlopeIndexOfInequality(double Sii, double Rii, double Intercept)
{
    /// <summary>The fewest simulation repetitions allowed, as the reference.</summary>
    public const int MinimumRepetitions = 1000;

    /// <summary>Fits the SII and RII to <paramref name="values"/> of quantiles (most deprived first) with their populations.</summary>
    public static SlopeIndexOfInequality Calculate(ReadOnlySpan<double> values, ReadOnlySpan<double> populations)
    {
        if (values.Length != populations.Length || values.Length < 2)
        {
            throw new ArgumentException("The SII needs a value and a population for each of at least two quantiles.");
        }

        double total = 0;
        foreach (var population in populations)
        {
            if (!(population > 0))
            {
                throw new ArgumentOutOfRangeException(nameof(populations), population, "Every quantile needs a population of more than zero.");
            }

            total += population;
        }

        return Fit(values, populations, total);
    }

    /// <summary>The simulated confidence interval of the SII and of the RII.</summary>
    /// <param name="values">The quantiles' values, most deprived first.</param>
    /// <param name="populations">The quantiles' populations.</param>
    /// <param name="standardErrors">Each value's standard error, on the scale given by <paramref name="scale"/>.</param>
    /// <param name="scale">The scale on which values are simulated.</param>
    /// <param name="confidence">The confidence level.</param>
    /// <param name="repetitions">Simulated samples; at least 1,000 (the reference defaults to 100,000).</param>
    /// <param name="seed">Seeds the generator so the interval is reproducible.</param>
    public static (ConfidenceInterval Sii, ConfidenceInterval Rii) SimulateIntervals(
        ReadOnlySpan<double> values, ReadOnlySpan<double> populations, ReadOnlySpan<double> standardErrors,
        SiiValueScale scale, ConfidenceLevel confidence, int repetitions, int seed)
    {
        Calculate(values, populations);
        if (standardErrors.Length != values.Length)
        {
            throw new ArgumentException("The SII needs a standard error for every quantile.", nameof(standardErrors));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(repetitions, MinimumRepetitions);
        var random = new NormalDeviates(seed);
        var total = 0.0;
        foreach (var population in populations)
        {
            total += population;
        }

        Span<double> centre = stackalloc double[values.Length];
        Span<double> sample = stackalloc double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            centre[i] = scale switch
            {
                SiiValueScale.Log => Math.Log(values[i]),
                SiiValueScale.Logit => Math.Log(values[i] / (1 - values[i])),
                _ => values[i],
            };
        }

        var siis = new double[repetitions];
        var riis = new double[repetitions];
        for (var r = 0; r < repetitions; r++)
        {
            for (var i = 0; i < values.Length; i++)
            {
                var drawn = centre[i] + (standardErrors[i] * random.Next());
                sample[i] = scale switch
                {
                    SiiValueScale.Log => Math.Exp(drawn),
                    SiiValueScale.Logit => 1 / (1 + Math.Exp(-drawn)),
                    _ => drawn,
                };
            }

            var fit = Fit(sample, populations, total);
            siis[r] = fit.Sii;
            riis[r] = fit.Rii;
        }

        var tail = (1 - confidence.Probability) / 2;
        return (SampleInterval(siis, tail), SampleInterval(riis, tail));
    }

    /// <summary>The standard error implied by a 95% interval, on the scale the simulation uses.</summary>
    /// <remarks>(U − L) / (2 × 1.96) after taking logs (rates) or logits (proportions) of the limits, as the reference.</remarks>
    public static double StandardErrorFrom95(ConfidenceInterval interval95, SiiValueScale scale)
    {
        double Transform(double v) => scale switch
        {
            SiiValueScale.Log => Math.Log(v),
            SiiValueScale.Logit => Math.Log(v / (1 - v)),
            _ => v,
        };

        return (Transform(interval95.Upper) - Transform(interval95.Lower)) / (2 * ConfidenceLevel.Percent95.Z);
    }

    private static SlopeIndexOfInequality Fit(ReadOnlySpan<double> values, ReadOnlySpan<double> populations, double total)
    {
        double cumulative = 0, sw = 0, swx = 0, swxx = 0, swy = 0, swxy = 0;
        for (var i = 0; i < values.Length; i++)
        {
            var share = populations[i] / total;
            var rank = cumulative + (share / 2);
            cumulative += share;
            sw += share;
            swx += share * rank;
            swxx += share * rank * rank;
            swy += share * values[i];
            swxy += share * rank * values[i];
        }

        var slope = ((sw * swxy) - (swx * swy)) / ((sw * swxx) - (swx * swx));
        var intercept = (swy - (slope * swx)) / sw;
        return new SlopeIndexOfInequality(slope, (intercept + slope) / intercept, intercept);
    }

    private static ConfidenceInterval SampleInterval(double[] samples, double tail)
    {
        Array.Sort(samples);
        return new ConfidenceInterval(Type7(samples, tail), Type7(samples, 1 - tail));
    }

    private static double Type7(double[] sorted, double probability)
    {
        var h = (sorted.Length - 1) * probability;
        var below = (int)Math.Floor(h);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((h - below) * (sorted[above] - sorted[below]));
    }
}
