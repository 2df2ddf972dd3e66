using MathNet.Numerics.Distributions;

namespace OpenIcs.Statistics;

/// <summary>Quantiles of the distributions the public-health methods need.</summary>
/// <remarks>Delegates to Math.NET Numerics; tests check them against 30-digit values to 1e-9 relative.</remarks>
internal static class Distributions
{
    /// <summary>The standard normal quantile: qnorm(p).</summary>
    public static double NormalQuantile(double p) => Normal.InvCDF(0, 1, p);

    /// <summary>The chi-square quantile with <paramref name="degreesOfFreedom"/>: qchisq(p, df).</summary>
    public static double ChiSquareQuantile(double p, double degreesOfFreedom) => ChiSquared.InvCDF(degreesOfFreedom, p);

    /// <summary>The Student t quantile with <paramref name="degreesOfFreedom"/>: qt(p, df).</summary>
    public static double StudentTQuantile(double p, double degreesOfFreedom) => StudentT.InvCDF(0, 1, degreesOfFreedom, p);

    /// <summary>The chi-square upper-tail probability of <paramref name="x"/>: 1 - pchisq(x, df).</summary>
    public static double ChiSquareUpperTail(double x, double degreesOfFreedom) => 1 - ChiSquared.CDF(degreesOfFreedom, x);
}
