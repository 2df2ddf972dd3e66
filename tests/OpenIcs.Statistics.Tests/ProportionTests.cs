namespace OpenIcs.Statistics.Tests;

public class ProportionTests
{
    // Expected limits from Wilson's formula evaluated to 25 digits (mpmath), on the inputs of PHEindicatormethods'
    // tests/testthat/testWilson.R (65/100, 1045/5000, 0.445/1) and the edges 0 of n, n of n and 1 of 1.
    [Theory]
    [InlineData(65, 100, 95, 0.5525444329688796, 0.73635751756902469)]
    [InlineData(65, 100, 99.8, 0.49549465740704473, 0.77835406140896857)]
    [InlineData(1045, 5000, 95, 0.19795549880013296, 0.22049130373189028)]
    [InlineData(1045, 5000, 99.8, 0.1917938179901526, 0.22731562902525796)]
    [InlineData(0.445, 1, 95, 0.043817447720588185, 0.9334621276979157)]
    [InlineData(0.445, 1, 99.8, 0.01934700613290133, 0.97022599470195342)]
    [InlineData(0, 100, 95, 0, 0.036993498206985685)]
    [InlineData(100, 100, 99.8, 0.91282906272004436, 1)]
    [InlineData(1, 1, 95, 0.20654931437723739, 1)]
    public void Wilson_interval_matches_the_published_formula(double numerator, double denominator, double level, double lower, double upper)
    {
        var interval = Proportion.WilsonInterval(numerator, denominator, ConfidenceLevel.From(level));

        Approximately.Equal(lower, interval.Lower, 1e-9, absolute: 1e-15);
        Approximately.Equal(upper, interval.Upper, 1e-9);
    }

    [Fact]
    public void A_percentage_scales_the_value_and_both_limits()
    {
        var estimate = Proportion.Calculate(65, 100, ConfidenceLevel.Percent95, multiplier: 100);

        Assert.Equal(65, estimate.Value, 12);
        Approximately.Interval(55.25444329688796, 73.635751756902469, estimate.Interval);
        Assert.Null(estimate.Note);
    }

    [Theory]
    [InlineData(-1, 100)]
    [InlineData(101, 100)]
    [InlineData(5, 0)]
    [InlineData(5, -10)]
    [InlineData(double.NaN, 10)]
    public void Impossible_counts_are_rejected(double numerator, double denominator) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Proportion.Calculate(numerator, denominator, ConfidenceLevel.Percent95));

    [Fact]
    public void Very_large_counts_stay_accurate()
    {
        var interval = Proportion.WilsonInterval(500_000_000, 1_000_000_000, ConfidenceLevel.Percent95);

        // Half-width ≈ z √(p(1−p)/n) = 1.959964 × 0.5 / √1e9.
        Approximately.Equal(0.5 - (1.95996398454005 * 0.5 / Math.Sqrt(1e9)), interval.Lower, 1e-9);
        Assert.True(interval.Upper > 0.5 && interval.Upper < 0.50004);
    }
}
