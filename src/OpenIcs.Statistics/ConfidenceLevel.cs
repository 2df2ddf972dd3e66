using System.Globalization;

namespace OpenIcs.Statistics;

/// <summary>A two-sided confidence level for an interval, such as 95% or 99.8%.</summary>
/// <remarks>
/// Levels are accepted from 90% up to (not including) 100%, as a percentage (95, 99.8) or a probability (0.95, 0.998),
/// the same range PHEindicatormethods accepts. <c>default</c> is not a valid level: use <see cref="Percent95"/>.
/// </remarks>
public readonly record struct ConfidenceLevel
{
    private ConfidenceLevel(double probability)
    {
        Probability = probability;
        Z = Distributions.NormalQuantile(probability + ((1 - probability) / 2));
    }

    /// <summary>95%: the level Fingertips uses to compare an area with its benchmark.</summary>
    public static ConfidenceLevel Percent95 { get; } = new(0.95);

    /// <summary>99.8%: the level Fingertips uses for funnel-plot and three-standard-deviation comparisons.</summary>
    public static ConfidenceLevel Percent998 { get; } = new(0.998);

    /// <summary>The level as a probability between 0.9 and 1, e.g. 0.95.</summary>
    public double Probability { get; }

    /// <summary>The level as a percentage, e.g. 95 or 99.8.</summary>
    public double Percent => Math.Round(Probability * 100, 10);

    /// <summary>The standard normal quantile for this two-sided level (1.959964 for 95%).</summary>
    public double Z { get; }

    /// <summary>Creates a level from a percentage (90 to under 100) or a probability (0.9 to under 1).</summary>
    public static ConfidenceLevel From(double level)
    {
        if (TryFrom(level, out var confidence))
        {
            return confidence;
        }

        throw new ArgumentOutOfRangeException(nameof(level), level,
            "A confidence level must be between 90 and 100 (percent) or between 0.9 and 1 (probability), exclusive of 100%.");
    }

    /// <summary>Creates a level from a percentage or a probability, reporting failure instead of throwing.</summary>
    public static bool TryFrom(double level, out ConfidenceLevel confidence)
    {
        var probability = level >= 1 ? level / 100 : level;
        if (double.IsFinite(probability) && probability >= 0.9 && probability < 1)
        {
            confidence = probability == 0.95 ? Percent95 : probability == 0.998 ? Percent998 : new ConfidenceLevel(probability);
            return true;
        }

        confidence = default;
        return false;
    }

    /// <summary>Parses "95", "99.8" or "0.95" (invariant culture).</summary>
    public static bool TryParse(string? text, out ConfidenceLevel confidence)
    {
        confidence = default;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var level)
            && TryFrom(level, out confidence);
    }

    /// <summary>The level as a percentage, e.g. "95%" or "99.8%".</summary>
    public override string ToString() => Percent.ToString(CultureInfo.InvariantCulture) + "%";
}
