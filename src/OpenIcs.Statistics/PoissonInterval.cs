namespace OpenIcs.Statistics;

/// <summary>Confidence limits for a count of events assumed to follow a Poisson distribution.</summary>
/// <remarks>
/// Byar's approximation: Breslow NE, Day NE. Statistical Methods in Cancer Research, Vol II. IARC 1987:69.
/// Exact limits from the chi-square distribution: Armitage P, Berry G. Statistical Methods in Medical Research, 2002.
/// Fingertips and PHEindicatormethods use the exact limits for counts under 10 and Byar's from 10 upwards
/// (<see cref="ExactBelow"/>); Byar's method is within 0.2% of exact for counts of 10 or more at 95%.
/// </remarks>
public static class PoissonInterval
{
    /// <summary>Counts below this use exact limits; from it upwards Byar's approximation is used.</summary>
    public const double ExactBelow = 10;

    /// <summary>The limits for <paramref name="count"/> events: exact under 10, Byar's from 10, as the reference does.</summary>
    public static ConfidenceInterval ForCount(double count, ConfidenceLevel confidence) =>
        count < ExactBelow ? Exact(count, confidence) : Byar(count, confidence);

    /// <summary>Byar's approximate limits for <paramref name="count"/> events.</summary>
    /// <remarks>Lower O(1 − 1/(9O) − z/(3√O))³, upper (O+1)(1 − 1/(9(O+1)) + z/(3√(O+1)))³; the lower limit of 0 events is 0.</remarks>
    public static ConfidenceInterval Byar(double count, ConfidenceLevel confidence)
    {
        Validate(count);
        return new ConfidenceInterval(ByarLower(count, confidence.Z), ByarUpper(count, confidence.Z));
    }

    /// <summary>Exact limits for <paramref name="count"/> events from the chi-square distribution.</summary>
    /// <remarks>Lower χ²(α/2, 2O)/2 (0 when O = 0), upper χ²(1 − α/2, 2O + 2)/2, with α = 1 − confidence.</remarks>
    public static ConfidenceInterval Exact(double count, ConfidenceLevel confidence)
    {
        Validate(count);
        var tail = (1 - confidence.Probability) / 2;
        var lower = count == 0 ? 0 : Distributions.ChiSquareQuantile(tail, 2 * count) / 2;
        var upper = Distributions.ChiSquareQuantile(1 - tail, (2 * count) + 2) / 2;
        return new ConfidenceInterval(lower, upper);
    }

    internal static double ByarLower(double count, double z)
    {
        if (count == 0)
        {
            return 0;
        }

        var term = 1 - (1 / (9 * count)) - (z / (3 * Math.Sqrt(count)));
        return count * term * term * term;
    }

    internal static double ByarUpper(double count, double z)
    {
        var next = count + 1;
        var term = 1 - (1 / (9 * next)) + (z / (3 * Math.Sqrt(next)));
        return next * term * term * term;
    }

    private static void Validate(double count)
    {
        if (!(count >= 0) || double.IsInfinity(count))
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "A count of events must be zero or more.");
        }
    }
}
