namespace OpenIcs.Statistics.Tests;

/// <summary>Asserts numbers to a relative tolerance, as the reference comparisons require.</summary>
internal static class Approximately
{
    public const double Relative = 1e-6;

    public static void Equal(double expected, double actual, double relative = Relative, double absolute = 0, string? what = null)
    {
        var tolerance = Math.Max(absolute, Math.Abs(expected) * relative);
        Assert.True(Math.Abs(expected - actual) <= tolerance,
            $"{what ?? "value"}: expected {expected:R} but got {actual:R} (tolerance {tolerance:G3}).");
    }

    public static void Interval(double lower, double upper, ConfidenceInterval actual, double relative = Relative)
    {
        Equal(lower, actual.Lower, relative, what: "lower limit");
        Equal(upper, actual.Upper, relative, what: "upper limit");
    }
}
