namespace OpenIcs.Statistics.Tests;

public class BenchmarkAndTrendTests
{
    [Theory]
    [InlineData(52, 58, Polarity.HighIsGood, BenchmarkComparison.Better)]
    [InlineData(52, 58, Polarity.LowIsGood, BenchmarkComparison.Worse)]
    [InlineData(52, 58, Polarity.NoJudgement, BenchmarkComparison.Higher)]
    [InlineData(42, 48, Polarity.HighIsGood, BenchmarkComparison.Worse)]
    [InlineData(42, 48, Polarity.LowIsGood, BenchmarkComparison.Better)]
    [InlineData(45, 55, Polarity.HighIsGood, BenchmarkComparison.Similar)]
    [InlineData(50, 55, Polarity.HighIsGood, BenchmarkComparison.Similar)]
    public void An_area_is_compared_with_the_benchmark_value_by_its_interval(double lower, double upper, Polarity polarity, BenchmarkComparison expected) =>
        Assert.Equal(expected, Benchmark.AgainstValue(new ConfidenceInterval(lower, upper), 50, polarity));

    [Fact]
    public void Two_intervals_differ_only_where_they_do_not_overlap()
    {
        Assert.Equal(BenchmarkComparison.Similar, Benchmark.ByOverlap(new(10, 20), new(19, 30), Polarity.HighIsGood));
        Assert.Equal(BenchmarkComparison.Worse, Benchmark.ByOverlap(new(10, 18), new(19, 30), Polarity.HighIsGood));
        Assert.Equal(BenchmarkComparison.NotCompared, Benchmark.ByOverlap(ConfidenceInterval.None, new(19, 30), Polarity.HighIsGood));
    }

    [Fact]
    public void The_quintile_method_names_fifths_by_polarity()
    {
        double[] values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

        var highGood = Benchmark.ByQuintile(values, Polarity.HighIsGood);
        var none = Benchmark.ByQuintile(values, Polarity.NoJudgement);

        Assert.Equal(QuintileComparison.Worst, highGood[0]);
        Assert.Equal(QuintileComparison.Best, highGood[9]);
        Assert.Equal(QuintileComparison.Middle, highGood[4]);
        Assert.Equal(QuintileComparison.Lowest, none[0]);
        Assert.Equal(QuintileComparison.Highest, none[9]);
        Assert.Equal(QuintileComparison.Best, Benchmark.ByQuintile(values, Polarity.LowIsGood)[0]);
    }

    [Fact]
    public void A_steadily_rising_proportion_is_increasing_and_getting_worse_when_low_is_good()
    {
        double[] numerators = [900, 1000, 1100, 1200, 1300, 1400];
        double[] denominators = [10_000, 10_000, 10_000, 10_000, 10_000, 10_000];

        var trend = RecentTrend.Assess(numerators, denominators, TrendStatistic.Proportion, Polarity.LowIsGood);

        // Last five points: p̄ = 6000/50000 = 0.12, Σt·O − p̄Σt·n = 19000 − 18000 = 1000, Σt²·n − (Σt·n)²/Σn = 100000.
        Assert.Equal(TrendDirection.Increasing, trend.Direction);
        Assert.Equal(BenchmarkComparison.Worse, trend.Assessment);
        Approximately.Equal(1000.0 * 1000 / (0.12 * 0.88 * 100_000), trend.ChiSquare, 1e-12);
        Assert.True(trend.PValue < 0.001);
    }

    [Fact]
    public void A_flat_trend_is_no_significant_change_and_four_points_cannot_be_calculated()
    {
        double[] flat = [100, 101, 99, 100, 100];
        double[] sizes = [1000, 1000, 1000, 1000, 1000];

        Assert.Equal(TrendDirection.NoSignificantChange, RecentTrend.Assess(flat, sizes, TrendStatistic.Rate, Polarity.HighIsGood).Direction);
        Assert.Equal(TrendDirection.CannotBeCalculated, RecentTrend.Assess(flat.AsSpan(0, 4), sizes.AsSpan(0, 4), TrendStatistic.Rate, Polarity.HighIsGood).Direction);
        Assert.Equal(TrendDirection.CannotBeCalculated, RecentTrend.Assess([0, 0, 0, 0, 0], sizes, TrendStatistic.Rate, Polarity.HighIsGood).Direction);
    }

    [Theory]
    [InlineData(0, false, 0d)]
    [InlineData(1, true, null)]
    [InlineData(7, true, null)]
    [InlineData(8, false, 10d)]
    [InlineData(12, false, 10d)]
    [InlineData(13, false, 15d)]
    public void The_HES_rule_withholds_1_to_7_and_rounds_to_5(double count, bool suppressed, double? published)
    {
        Assert.Equal(suppressed, SmallNumberPolicy.HesAnalysisGuide.IsSuppressed(count));
        Assert.Equal(published, SmallNumberPolicy.HesAnalysisGuide.Publish(count));
    }

    [Fact]
    public void A_rate_built_on_a_withheld_count_is_withheld_too()
    {
        var rate = CrudeRate.Calculate(3, 1000, ConfidenceLevel.Percent95);

        Assert.False(SmallNumberPolicy.FewerThanFive.Apply(rate, 3).IsPublished);
        Assert.True(SmallNumberPolicy.FewerThanFive.Apply(rate, 5).IsPublished);
    }
}
