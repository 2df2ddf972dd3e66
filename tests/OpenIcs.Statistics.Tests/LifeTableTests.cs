namespace OpenIcs.Statistics.Tests;

public class LifeTableTests
{
    // Input df1 and expected answer1 from PHEindicatormethods tests/testthat/testLifeExpectancy.R.
    private static readonly double[] Population =
        [7060, 35059, 46974, 48489, 43219, 38561, 46009, 57208, 61435, 55601, 50209, 56416, 46411, 39820, 37978, 37039, 33288, 23306, 11936, 11936];

    private static readonly double[] Deaths =
        [17, 9, 4, 8, 20, 15, 24, 33, 50, 71, 100, 163, 263, 304, 536, 872, 1390, 1605, 1936, 1937];

    private static readonly double[] Value =
        [80.16960813, 79.36245674, 75.44193645, 70.47299936, 65.52909542, 60.67510088, 55.78835987, 50.92752727,
         46.06740425, 41.24505636, 36.49322717, 31.83343842, 27.26027992, 22.9719144, 18.76856852, 14.95858336,
         11.51684445, 8.618849241, 6.163942934, 6.16210635];

    private static readonly double[] Lower =
        [79.88268548, 79.0898816, 75.17407307, 70.20675732, 65.26548673, 60.41876577, 55.53801579, 50.68279939,
         45.82666794, 41.00842831, 36.26223216, 31.60996318, 27.04337271, 22.76653134, 18.57570352, 14.77985004,
         11.34831778, 8.451134045, 5.978358351, 5.887683386];

    private static readonly double[] Upper =
        [80.45653078, 79.63503188, 75.70979983, 70.7392414, 65.79270412, 60.931436, 56.03870395, 51.17225516,
         46.30814055, 41.48168441, 36.72422219, 32.05691365, 27.47718713, 23.17729746, 18.96143352, 15.13731667,
         11.68537112, 8.786564437, 6.349527517, 6.436529314];

    // Values agree to 1e-8 relative; the reference's limits differ from ours by up to about 1e-7 relative, so they are held to 1e-6.
    [Fact]
    public void Life_expectancy_matches_the_reference_test_data_at_every_age()
    {
        var table = LifeTable.Calculate(Deaths, Population, AgeBands.LifeTable);

        for (var band = 0; band < AgeBands.LifeTable.Count; band++)
        {
            var estimate = table.AtBand(band, ConfidenceLevel.Percent95);
            Approximately.Equal(Value[band], estimate.Value, 1e-8, what: $"e at band {band}");
            Approximately.Equal(Lower[band], estimate.Interval.Lower, what: $"lower at band {band}");
            Approximately.Equal(Upper[band], estimate.Interval.Upper, what: $"upper at band {band}");
        }
    }

    [Fact]
    public void A_wider_confidence_level_widens_the_interval_around_the_same_value()
    {
        var table = LifeTable.Calculate(Deaths, Population, AgeBands.LifeTable);

        var narrow = table.AtBirth(ConfidenceLevel.Percent95);
        var wide = table.AtBirth(ConfidenceLevel.Percent998);

        Assert.Equal(narrow.Value, wide.Value);
        Approximately.Equal(narrow.Interval.Width * 3.090232306167813 / 1.959963984540054, wide.Interval.Width, 1e-9);
    }

    [Theory]
    [InlineData(3, -5, 48489, "negative deaths")]
    [InlineData(5, 15, 0, "population of zero or less")]
    [InlineData(18, 1936, 119, "more deaths than population")]
    [InlineData(19, 0, 11936, "no deaths in the final")]
    public void Tables_the_reference_suppresses_are_not_published(int band, double deaths, double population, string reason)
    {
        var d = (double[])Deaths.Clone();
        var p = (double[])Population.Clone();
        d[band] = deaths;
        p[band] = population;

        var estimate = LifeTable.Calculate(d, p, AgeBands.LifeTable).AtBirth(ConfidenceLevel.Percent95);

        Assert.False(estimate.IsPublished);
        Assert.False(estimate.Interval.IsPublished);
        Assert.Contains(reason, estimate.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_total_population_of_5000_or_less_is_not_published()
    {
        var population = Enumerable.Repeat(250.0, 20).ToArray();
        var deaths = Enumerable.Repeat(2.0, 20).ToArray();

        var estimate = LifeTable.Calculate(deaths, population, AgeBands.LifeTable).AtBirth(ConfidenceLevel.Percent95);

        Assert.Contains("5000 or less", estimate.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_with_a_95_interval_wider_than_20_years_is_withheld_but_its_interval_shown()
    {
        var population = Enumerable.Repeat(300.0, 20).ToArray();
        var deaths = Enumerable.Repeat(0.0, 20).ToArray();
        deaths[19] = 1;

        var estimate = LifeTable.Calculate(deaths, population, AgeBands.LifeTable).AtBand(19, ConfidenceLevel.Percent95);

        Assert.False(estimate.IsPublished);
        Assert.True(estimate.Interval.IsPublished);
        Assert.Contains("wider than 20 years", estimate.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Flexible_bands_ending_at_85_plus_give_a_table()
    {
        var bands = AgeBands.FromStartAges([0, 1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85]);
        var deaths = Deaths[..18].Append(Deaths[18] + Deaths[19]).ToArray();
        var population = Population[..18].Append(Population[18] + Population[19]).ToArray();

        var estimate = LifeTable.Calculate(deaths, population, bands).AtBirth(ConfidenceLevel.Percent95);

        Assert.True(estimate.IsPublished);
        Assert.InRange(estimate.Value, 79.5, 80.5);
        Assert.Equal("85+", bands.Labels[^1]);
    }
}
