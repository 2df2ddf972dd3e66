namespace OpenIcs.Statistics;

/// <summary>Means of observations, with Student's t confidence intervals.</summary>
/// <remarks>
/// As PHEindicatormethods' <c>phe_mean</c> and APHO Technical Briefing 3: mean ± t(1 − α/2, n − 1) × s/√n with s the
/// sample standard deviation (n − 1 divisor). One observation has no standard deviation, so it is not published.
/// </remarks>
public static class Mean
{
    /// <summary>The mean of <paramref name="values"/> with its t interval.</summary>
    public static Estimate Calculate(ReadOnlySpan<double> values, ConfidenceLevel confidence)
    {
        if (values.IsEmpty)
        {
            throw new ArgumentException("A mean needs at least one observation.", nameof(values));
        }

        var mean = 0.0;
        var sumOfSquares = 0.0;
        for (var i = 0; i < values.Length; i++)
        {
            var value = values[i];
            if (!double.IsFinite(value))
            {
                throw new ArgumentException($"Observation {i + 1} is not a finite number.", nameof(values));
            }

            // Welford's update keeps the variance accurate when values are large and close together.
            var delta = value - mean;
            mean += delta / (i + 1);
            sumOfSquares += delta * (value - mean);
        }

        if (values.Length < 2)
        {
            return Estimate.NotPublished("a mean of one observation has no standard deviation, so no interval");
        }

        var standardDeviation = Math.Sqrt(sumOfSquares / (values.Length - 1));
        return FromSummary(mean, standardDeviation, values.Length, confidence);
    }

    /// <summary>The interval around <paramref name="mean"/> given the sample standard deviation and the number of observations.</summary>
    public static Estimate FromSummary(double mean, double standardDeviation, long count, ConfidenceLevel confidence)
    {
        if (count < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "A t interval needs at least two observations.");
        }

        if (!(standardDeviation >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(standardDeviation), standardDeviation, "A standard deviation must be zero or more.");
        }

        var t = Distributions.StudentTQuantile(confidence.Probability + ((1 - confidence.Probability) / 2), count - 1);
        var halfWidth = t * standardDeviation / Math.Sqrt(count);
        return Estimate.Published(mean, new ConfidenceInterval(mean - halfWidth, mean + halfWidth));
    }
}
