namespace OpenIcs.Statistics;

/// <summary>A disclosure-control rule for small counts: which counts are withheld and how published counts are rounded.</summary>
/// <param name="SuppressBelow">Counts from 1 up to (not including) this are withheld; zero is published unless <paramref name="SuppressZero"/>.</param>
/// <param name="RoundTo">Published counts are rounded to the nearest multiple of this (1 for no rounding).</param>
/// <param name="SuppressZero">Whether a zero count is withheld too.</param>
/// <remarks>
/// Two common rules are built in: <see cref="FewerThanFive"/> (withhold 1-4, as many Fingertips and ONS small-area outputs)
/// and <see cref="HesAnalysisGuide"/> (NHS England's Hospital Episode Statistics Analysis Guide: withhold 1-7 and round
/// others to the nearest 5). Statistics built from a withheld count should also be withheld (<see cref="Apply"/>).
/// </remarks>
public sealed record SmallNumberPolicy(int SuppressBelow, int RoundTo = 1, bool SuppressZero = false)
{
    /// <summary>Withhold counts of 1 to 4.</summary>
    public static SmallNumberPolicy FewerThanFive { get; } = new(5);

    /// <summary>Withhold counts of 1 to 7 and round the rest to the nearest 5 (HES Analysis Guide).</summary>
    public static SmallNumberPolicy HesAnalysisGuide { get; } = new(8, 5);

    /// <summary>Whether <paramref name="count"/> must be withheld.</summary>
    public bool IsSuppressed(double count) => count == 0 ? SuppressZero : count > 0 && count < SuppressBelow;

    /// <summary>The count as it may be published (rounded), or null when withheld.</summary>
    public double? Publish(double count)
    {
        if (IsSuppressed(count))
        {
            return null;
        }

        return RoundTo <= 1 ? count : Math.Round(count / RoundTo, MidpointRounding.AwayFromZero) * RoundTo;
    }

    /// <summary>The statistic, or a not-published estimate when it was built from a withheld <paramref name="count"/>.</summary>
    public Estimate Apply(Estimate statistic, double count) =>
        IsSuppressed(count) ? Estimate.NotPublished($"suppressed: a count below {SuppressBelow} could identify people") : statistic;
}
