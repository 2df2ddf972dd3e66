namespace OpenIcs.Statistics.Tests;

public class PoissonIntervalTests
{
    // Byar's formula (Breslow & Day 1987) evaluated to 25 digits (mpmath) on the counts of PHEindicatormethods'
    // tests/testthat/testByars.R (65, 1045, 10).
    [Theory]
    [InlineData(65, 95, 50.163187710459442, 82.849138545939859)]
    [InlineData(65, 99.8, 42.880261471480197, 94.000290844318)]
    [InlineData(1045, 95, 982.59320180733268, 1110.3312129856498)]
    [InlineData(1045, 99.8, 947.94070356103748, 1148.8061609880327)]
    [InlineData(10, 99.8, 2.9163183746956851, 24.193724927880539)]
    [InlineData(100, 95, 81.362105490527862, 121.62793757920648)]
    public void Byar_limits_match_the_published_formula(double count, double level, double lower, double upper) =>
        Approximately.Interval(lower, upper, PoissonInterval.Byar(count, ConfidenceLevel.From(level)), 1e-9);

    // Exact limits χ²(α/2, 2O)/2 and χ²(1 − α/2, 2O + 2)/2 evaluated to 25 digits (mpmath).
    [Theory]
    [InlineData(0, 95, 0, 3.6888794541139363)]
    [InlineData(0, 99.8, 0, 6.9077552789821371)]
    [InlineData(1, 95, 0.025317807984289875, 5.5716433909388986)]
    [InlineData(1, 99.8, 0.0010005003335835335, 9.2334134764515857)]
    [InlineData(5, 95, 1.6234863901184205, 11.66833207932267)]
    [InlineData(9, 95, 4.1153730973783324, 17.08480345141917)]
    [InlineData(9, 99.8, 2.4524244043637749, 22.657373309062931)]
    public void Exact_limits_match_the_chi_square_definition(double count, double level, double lower, double upper) =>
        Approximately.Interval(lower, upper, PoissonInterval.Exact(count, ConfidenceLevel.From(level)), 1e-8);

    [Fact]
    public void Counts_under_10_use_exact_limits_and_10_upwards_use_Byar()
    {
        Assert.Equal(PoissonInterval.Exact(9, ConfidenceLevel.Percent95), PoissonInterval.ForCount(9, ConfidenceLevel.Percent95));
        Assert.Equal(PoissonInterval.Byar(10, ConfidenceLevel.Percent95), PoissonInterval.ForCount(10, ConfidenceLevel.Percent95));
    }

    [Fact]
    public void Byar_is_within_a_fifth_of_a_percent_of_exact_from_10_events() =>
        Assert.All(Enumerable.Range(10, 200), count =>
        {
            var byar = PoissonInterval.Byar(count, ConfidenceLevel.Percent95);
            var exact = PoissonInterval.Exact(count, ConfidenceLevel.Percent95);
            Approximately.Equal(exact.Lower, byar.Lower, 0.002);
            Approximately.Equal(exact.Upper, byar.Upper, 0.002);
        });

    [Fact]
    public void A_negative_count_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PoissonInterval.ForCount(-1, ConfidenceLevel.Percent95));
}
