namespace OpenIcs.Statistics;

/// <summary>A published statistic with its confidence interval, or the reason it is not published.</summary>
/// <remarks>
/// A statistic that is not published has a NaN <see cref="Value"/> and a <see cref="Note"/> saying why. Life expectancy
/// is the one case where the interval is still shown while the value is withheld, as the reference does.
/// <c>default</c> is a published zero with a [0, 0] interval; build estimates with the factory methods.
/// </remarks>
public readonly record struct Estimate
{
    private Estimate(double value, ConfidenceInterval interval, string? note)
    {
        Value = value;
        Interval = interval;
        Note = note;
    }

    /// <summary>The statistic (a proportion, a rate per multiplier, a ratio), or NaN when not published.</summary>
    public double Value { get; }

    /// <summary>The confidence interval on the same scale as <see cref="Value"/>.</summary>
    public ConfidenceInterval Interval { get; }

    /// <summary>Why the value is not published, or a caveat; null for an ordinary published value.</summary>
    public string? Note { get; }

    /// <summary>Whether the value is published.</summary>
    public bool IsPublished => !double.IsNaN(Value);

    /// <summary>A published value with its interval.</summary>
    public static Estimate Published(double value, ConfidenceInterval interval) => new(value, interval, null);

    /// <summary>A value that is not published, with the rule that withheld it.</summary>
    public static Estimate NotPublished(string reason) => new(double.NaN, ConfidenceInterval.None, reason);

    /// <summary>A withheld value whose interval is still shown, with the rule that withheld it.</summary>
    public static Estimate ValueWithheld(ConfidenceInterval interval, string reason) => new(double.NaN, interval, reason);
}
