using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace OpenIcs.Statistics;

/// <summary>Quantiles of the distributions the public-health methods need.</summary>
/// <remarks>
/// Math.NET Numerics supplies the normal and Student t quantiles and a first chi-square quantile; the chi-square quantile
/// is then polished by Newton's method on log x against the regularised incomplete gamma function, because Math.NET's
/// inverse floors near 1e-15 for small degrees of freedom (fractional counts). Tests check all three against 25-digit values.
/// </remarks>
internal static class Distributions
{
    /// <summary>The standard normal quantile: qnorm(p).</summary>
    public static double NormalQuantile(double p) => Normal.InvCDF(0, 1, p);

    /// <summary>The Student t quantile with <paramref name="degreesOfFreedom"/>: qt(p, df).</summary>
    public static double StudentTQuantile(double p, double degreesOfFreedom) => StudentT.InvCDF(0, 1, degreesOfFreedom, p);

    /// <summary>The chi-square upper-tail probability of <paramref name="x"/>: 1 - pchisq(x, df).</summary>
    public static double ChiSquareUpperTail(double x, double degreesOfFreedom) =>
        SpecialFunctions.GammaUpperRegularized(degreesOfFreedom / 2, x / 2);

    /// <summary>The chi-square quantile with <paramref name="degreesOfFreedom"/>: qchisq(p, df).</summary>
    public static double ChiSquareQuantile(double p, double degreesOfFreedom)
    {
        var shape = degreesOfFreedom / 2;
        var x = shape >= 0.5 ? ChiSquared.InvCDF(degreesOfFreedom, p) / 2 : 0;
        if (!(x > 1e-8))
        {
            // Near zero the lower regularised gamma is x^a / Γ(a + 1), which inverts in closed form.
            x = Math.Exp((Math.Log(p) + SpecialFunctions.GammaLn(shape + 1)) / shape);
        }

        var logGammaShape = SpecialFunctions.GammaLn(shape);
        for (var i = 0; i < 100 && x > 0 && double.IsFinite(x); i++)
        {
            var residual = LowerRegularizedGamma(shape, x, logGammaShape) - p;
            var slope = Math.Exp((shape * Math.Log(x)) - x - logGammaShape);
            var step = Math.Clamp(residual / slope, -2, 2);
            x *= Math.Exp(-step);
            if (Math.Abs(step) < 1e-14)
            {
                break;
            }
        }

        return 2 * x;
    }

    // P(a, x) by its power series x^a e^−x Σ xⁿ / Γ(a + n + 1) where that converges quickly (x < a + 1), which stays
    // accurate for tiny x and small a; Math.NET's continued fraction elsewhere.
    private static double LowerRegularizedGamma(double shape, double x, double logGammaShape)
    {
        if (x >= shape + 1)
        {
            return SpecialFunctions.GammaLowerRegularized(shape, x);
        }

        double term = 1 / shape, sum = term;
        for (var n = 1; n < 1000 && term > sum * 1e-17; n++)
        {
            term *= x / (shape + n);
            sum += term;
        }

        return sum * Math.Exp((shape * Math.Log(x)) - x - logGammaShape);
    }
}
