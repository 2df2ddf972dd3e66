namespace OpenIcs.Statistics;

/// <summary>Proportions (the share of a population with a characteristic) and their Wilson score intervals.</summary>
/// <remarks>
/// Wilson EB. Probable inference, the law of succession, and statistical inference. J Am Stat Assoc 1927;22:209-212,
/// as set out in APHO Technical Briefing 3 (Eayres, 2008) and used by Fingertips and PHEindicatormethods'
/// <c>phe_proportion</c> / <c>wilson_lower</c> / <c>wilson_upper</c>.
/// </remarks>
public static class Proportion
{
    /// <summary>The proportion <paramref name="numerator"/>/<paramref name="denominator"/> times <paramref name="multiplier"/>, with its Wilson interval.</summary>
    /// <param name="numerator">People with the characteristic: zero or more, at most the denominator.</param>
    /// <param name="denominator">People in the population: more than zero.</param>
    /// <param name="confidence">The confidence level of the interval.</param>
    /// <param name="multiplier">1 for a proportion, 100 for a percentage.</param>
    public static Estimate Calculate(double numerator, double denominator, ConfidenceLevel confidence, double multiplier = 1)
    {
        var interval = WilsonInterval(numerator, denominator, confidence);
        return Estimate.Published(numerator / denominator * multiplier, interval.Scale(multiplier));
    }

    /// <summary>The Wilson score interval for <paramref name="numerator"/> out of <paramref name="denominator"/>, on the 0-1 scale.</summary>
    /// <remarks>
    /// Limits are (2O + z² ∓ z√(z² + 4O(1 − O/n))) / (2(n + z²)). They lie within [0, 1] even for 0 of n and n of n,
    /// so no continuity correction or clamping is needed.
    /// </remarks>
    public static ConfidenceInterval WilsonInterval(double numerator, double denominator, ConfidenceLevel confidence)
    {
        Validate(numerator, denominator);
        var z = confidence.Z;
        var zSquared = z * z;
        var centre = (2 * numerator) + zSquared;
        var spread = z * Math.Sqrt(zSquared + (4 * numerator * (1 - (numerator / denominator))));
        var scale = 2 * (denominator + zSquared);
        // At 0 of n and n of n the limits are exactly 0 and 1; rounding in z√(z²) must not move them.
        var lower = numerator == 0 ? 0 : Math.Max(0, (centre - spread) / scale);
        var upper = numerator == denominator ? 1 : Math.Min(1, (centre + spread) / scale);
        return new ConfidenceInterval(lower, upper);
    }

    private static void Validate(double numerator, double denominator)
    {
        if (!(numerator >= 0) || double.IsInfinity(numerator))
        {
            throw new ArgumentOutOfRangeException(nameof(numerator), numerator, "A numerator must be zero or more.");
        }

        if (!(denominator > 0) || double.IsInfinity(denominator))
        {
            throw new ArgumentOutOfRangeException(nameof(denominator), denominator, "A denominator must be more than zero.");
        }

        if (numerator > denominator)
        {
            throw new ArgumentOutOfRangeException(nameof(numerator), numerator,
                $"A proportion's numerator ({numerator}) cannot exceed its denominator ({denominator}).");
        }
    }
}
