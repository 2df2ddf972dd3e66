namespace OpenIcs.Statistics.Tests;

public class ConfidenceLevelTests
{
    // Standard normal quantiles qnorm(0.975) and qnorm(0.999) to 30 digits (mpmath).
    [Theory]
    [InlineData(95, 1.95996398454005423552459443052)]
    [InlineData(99.8, 3.09023230616781354154039983011)]
    [InlineData(0.95, 1.95996398454005423552459443052)]
    [InlineData(0.998, 3.09023230616781354154039983011)]
    public void Z_is_the_two_sided_normal_quantile(double level, double z) =>
        Approximately.Equal(z, ConfidenceLevel.From(level).Z, 1e-12);

    [Theory]
    [InlineData(89.9)]
    [InlineData(100)]
    [InlineData(0.5)]
    [InlineData(double.NaN)]
    [InlineData(150)]
    public void Levels_outside_90_to_100_percent_are_rejected(double level)
    {
        Assert.False(ConfidenceLevel.TryFrom(level, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => ConfidenceLevel.From(level));
    }

    [Fact]
    public void Parse_reads_percentages_and_names_them()
    {
        Assert.True(ConfidenceLevel.TryParse("99.8", out var level));
        Assert.Equal(ConfidenceLevel.Percent998, level);
        Assert.Equal("99.8%", level.ToString());
        Assert.Equal(90, ConfidenceLevel.From(90).Percent);
        Assert.False(ConfidenceLevel.TryParse("ninety-five", out _));
    }
}
