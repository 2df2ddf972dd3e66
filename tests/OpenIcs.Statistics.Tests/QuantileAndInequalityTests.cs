namespace OpenIcs.Statistics.Tests;

public class QuantileAndInequalityTests
{
    [Fact]
    public void Ten_scores_fall_one_to_each_decile_with_the_highest_score_in_decile_1()
    {
        double[] scores = [5, 50, 15, 45, 25, 35, 10, 40, 20, 30];

        var deciles = Quantile.Assign(scores, 10);

        Assert.Equal([10, 1, 8, 2, 6, 4, 9, 3, 7, 5], deciles);
    }

    [Fact]
    public void Not_inverted_puts_the_lowest_scores_in_quantile_1_and_ties_share_a_quantile()
    {
        double[] scores = [1, 2, 2, 3, 4, 5, 6, 7, 8, 9];

        var quintiles = Quantile.Assign(scores, 5, invert: false);

        Assert.Equal([1, 1, 1, 2, 3, 3, 4, 4, 5, 5], quintiles);
    }

    [Fact]
    public void Areas_without_a_score_or_too_few_areas_get_no_quantile()
    {
        Assert.Equal([1, 0, 2], Quantile.Assign([3, double.NaN, 1], 2));
        Assert.Equal([0, 0, 0], Quantile.Assign([3, 2, 1], 5));
    }

    [Fact]
    public void Sii_of_a_perfect_line_is_its_slope_and_rii_its_end_ratio()
    {
        // Equal populations: ranks 0.05, 0.15, … 0.95; values 50 + 20x, so Y0 = 50 and Y1 = 70.
        var populations = Enumerable.Repeat(1000.0, 10).ToArray();
        var values = Enumerable.Range(0, 10).Select(i => 50 + (20 * ((i + 0.5) / 10))).ToArray();

        var sii = SlopeIndexOfInequality.Calculate(values, populations);

        Approximately.Equal(20, sii.Sii, 1e-12);
        Approximately.Equal(50, sii.Intercept, 1e-12);
        Approximately.Equal(70.0 / 50, sii.Rii, 1e-12);
    }

    [Fact]
    public void Sii_weights_each_quantile_by_its_population_share()
    {
        // Two quintile groups: populations 3:1, so ranks 0.375 and 0.875; the line through both points has slope 10 / 0.5.
        var sii = SlopeIndexOfInequality.Calculate([60, 70], [3000, 1000]);

        Approximately.Equal(20, sii.Sii, 1e-12);
        Approximately.Equal(60 - (20 * 0.375), sii.Intercept, 1e-12);
    }

    [Fact]
    public void Sii_interval_is_reproducible_with_a_seed_and_contains_the_sii()
    {
        // The example data of PHEindicatormethods' phe_sii documentation (Area1).
        double[] population = [7291, 7997, 6105, 7666, 5790, 6934, 5918, 5974, 7147, 7534];
        double[] value = [75.9, 78.3, 83.8, 83.6, 80.5, 81.1, 81.7, 84.2, 80.6, 86.3];
        double[] se = [1.64, 1.58, 1.51, 1.78, 1.7, 1.56, 1.37, 1.4, 2.43, 1.57];

        var sii = SlopeIndexOfInequality.Calculate(value, population);
        var first = SlopeIndexOfInequality.SimulateIntervals(value, population, se, SiiValueScale.Normal, ConfidenceLevel.Percent95, 10_000, seed: 5);
        var again = SlopeIndexOfInequality.SimulateIntervals(value, population, se, SiiValueScale.Normal, ConfidenceLevel.Percent95, 10_000, seed: 5);
        var wider = SlopeIndexOfInequality.SimulateIntervals(value, population, se, SiiValueScale.Normal, ConfidenceLevel.Percent998, 10_000, seed: 5);

        Assert.Equal(first, again);
        Assert.True(first.Sii.Contains(sii.Sii));
        Assert.True(first.Rii.Contains(sii.Rii));
        Assert.True(wider.Sii.Width > first.Sii.Width);
        // With independent normal errors the slope's standard error is analytic; the simulated 95% width must agree.
        Approximately.Equal(2 * 1.959964 * AnalyticSlopeError(population, se), first.Sii.Width, 0.05);
    }

    [Fact]
    public void Sii_standard_error_from_a_rate_interval_uses_the_log_scale() =>
        Approximately.Equal((Math.Log(120) - Math.Log(80)) / (2 * 1.959963984540054),
            SlopeIndexOfInequality.StandardErrorFrom95(new ConfidenceInterval(80, 120), SiiValueScale.Log), 1e-12);

    private static double AnalyticSlopeError(double[] population, double[] se)
    {
        var total = population.Sum();
        var share = population.Select(p => p / total).ToArray();
        var rank = new double[share.Length];
        for (double cumulative = 0, i = 0; i < share.Length; i++)
        {
            rank[(int)i] = cumulative + (share[(int)i] / 2);
            cumulative += share[(int)i];
        }

        var meanRank = rank.Zip(share, (x, w) => x * w).Sum();
        var sxx = rank.Zip(share, (x, w) => w * (x - meanRank) * (x - meanRank)).Sum();
        var variance = Enumerable.Range(0, share.Length)
            .Sum(i => Math.Pow(share[i] * (rank[i] - meanRank) / sxx, 2) * se[i] * se[i]);
        return Math.Sqrt(variance);
    }
}
