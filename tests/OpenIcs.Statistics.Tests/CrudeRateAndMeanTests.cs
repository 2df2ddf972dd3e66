namespace OpenIcs.Statistics.Tests;

public class CrudeRateAndMeanTests
{
    [Fact]
    public void A_rate_of_65_events_uses_Byar_limits_per_100000()
    {
        var rate = CrudeRate.Calculate(65, 100_000, ConfidenceLevel.Percent95);

        Approximately.Equal(65, rate.Value);
        Approximately.Interval(50.163187710459442, 82.849138545939859, rate.Interval);
    }

    [Fact]
    public void A_rate_of_zero_events_is_published_with_an_exact_upper_limit()
    {
        var rate = CrudeRate.Calculate(0, 1000, ConfidenceLevel.Percent95, multiplier: 1000);

        Assert.Equal(0, rate.Value);
        Approximately.Interval(0, 3.6888794541139363, rate.Interval, 1e-8);
    }

    [Fact]
    public void Events_may_exceed_the_population_for_a_rate_but_the_population_must_be_positive()
    {
        Assert.Equal(200_000, CrudeRate.Calculate(2, 1, ConfidenceLevel.Percent95).Value);
        Assert.Throws<ArgumentOutOfRangeException>(() => CrudeRate.Calculate(2, 0, ConfidenceLevel.Percent95));
    }

    [Fact]
    public void Rates_of_a_billion_events_are_accurate()
    {
        var rate = CrudeRate.Calculate(1e9, 2e9, ConfidenceLevel.Percent95, multiplier: 1);

        Approximately.Equal(0.5, rate.Value);
        Approximately.Equal(0.5 - (1.95996398454005 * Math.Sqrt(1e9) / 2e9), rate.Interval.Lower, 1e-7);
    }

    // Student t interval evaluated to 25 digits (mpmath): mean 10.98, s from the 10 values, t(0.975, 9) = 2.2621571627982.
    [Theory]
    [InlineData(95, 9.9797501473587845, 11.980249852641215)]
    [InlineData(99.8, 9.0800969774985828, 12.879903022501417)]
    public void Mean_interval_uses_Student_t(double level, double lower, double upper)
    {
        double[] values = [12.1, 9.8, 11.4, 10.2, 13.0, 8.7, 10.9, 11.8, 9.5, 12.4];

        var mean = Mean.Calculate(values, ConfidenceLevel.From(level));

        Approximately.Equal(10.98, mean.Value, 1e-12);
        Approximately.Interval(lower, upper, mean.Interval, 1e-9);
    }

    [Fact]
    public void A_mean_of_one_observation_is_not_published()
    {
        var mean = Mean.Calculate([4.2], ConfidenceLevel.Percent95);

        Assert.False(mean.IsPublished);
        Assert.Contains("one observation", mean.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Identical_large_observations_give_a_zero_width_interval()
    {
        var mean = Mean.Calculate([1e9 + 0.5, 1e9 + 0.5, 1e9 + 0.5], ConfidenceLevel.Percent95);

        Assert.Equal(1e9 + 0.5, mean.Value);
        Assert.Equal(0, mean.Interval.Width);
    }
}
