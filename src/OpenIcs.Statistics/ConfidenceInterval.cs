namespace OpenIcs.Statistics;

/// <summary>The lower and upper limits of a confidence interval, on the same scale as the estimate.</summary>
/// <remarks><c>default</c> is the degenerate interval [0, 0]; <see cref="None"/> marks an interval that is not published.</remarks>
public readonly record struct ConfidenceInterval(double Lower, double Upper)
{
    /// <summary>An interval that is not published (both limits NaN).</summary>
    public static ConfidenceInterval None { get; } = new(double.NaN, double.NaN);

    /// <summary>Whether both limits are numbers.</summary>
    public bool IsPublished => !double.IsNaN(Lower) && !double.IsNaN(Upper);

    /// <summary>The distance between the limits.</summary>
    public double Width => Upper - Lower;

    /// <summary>Whether <paramref name="value"/> lies within the limits, inclusive.</summary>
    public bool Contains(double value) => value >= Lower && value <= Upper;

    /// <summary>The interval with both limits multiplied by <paramref name="factor"/> (a rate per 100,000, a percentage).</summary>
    public ConfidenceInterval Scale(double factor) => new(Lower * factor, Upper * factor);
}
