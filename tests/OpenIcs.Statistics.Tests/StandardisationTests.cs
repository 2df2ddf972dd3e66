namespace OpenIcs.Statistics.Tests;

public class StandardisationTests
{
    // Deaths and populations of PHEindicatormethods' life-expectancy example (tests/testthat/testLifeExpectancy.R, df1),
    // with bands 0 and 1-4 merged into 0-4 so they fit the 19 ESP 2013 bands.
    internal static readonly double[] Deaths =
        [26, 4, 8, 20, 15, 24, 33, 50, 71, 100, 163, 263, 304, 536, 872, 1390, 1605, 1936, 1937];

    internal static readonly double[] Population =
        [42119, 46974, 48489, 43219, 38561, 46009, 57208, 61435, 55601, 50209, 56416, 46411, 39820, 37978, 37039, 33288, 23306, 11936, 11936];

    // Expected DSR and Dobson limits evaluated from the published formulae to 25 digits (mpmath).
    [Theory]
    [InlineData(95, 1065.5233336471411, 1110.3663322478544)]
    [InlineData(99.8, 1052.8513224338856, 1123.4878708231659)]
    public void Dsr_matches_the_Dobson_method_with_ESP_2013(double level, double lower, double upper)
    {
        var dsr = DirectlyStandardisedRate.Calculate(Deaths, Population, StandardPopulation.EuropeanStandard2013);

        var estimate = dsr.ToEstimate(ConfidenceLevel.From(level));

        Approximately.Equal(1087.7735456811868, estimate.Value, 1e-12);
        Approximately.Interval(lower, upper, estimate.Interval, 1e-9);
        Assert.Equal(Deaths.Sum(), dsr.TotalEvents);
        Assert.Equal(Population.Sum(), dsr.TotalPopulation);
    }

    [Fact]
    public void Dsr_of_exactly_10_events_is_published_and_of_9_is_not()
    {
        var events = new double[19];
        events[18] = 9;
        var nine = DirectlyStandardisedRate.Calculate(events, Population, StandardPopulation.EuropeanStandard2013);
        events[0] = 1;
        var ten = DirectlyStandardisedRate.Calculate(events, Population, StandardPopulation.EuropeanStandard2013);

        Assert.False(nine.ToEstimate(ConfidenceLevel.Percent95).IsPublished);
        Assert.Equal("DSR not published: total count 9 is under 10", nine.ToEstimate(ConfidenceLevel.Percent95).Note);
        Assert.True(double.IsNaN(nine.Rate));
        Assert.True(ten.ToEstimate(ConfidenceLevel.Percent95).IsPublished);
    }

    [Fact]
    public void Dsr_of_12_events_in_three_bands_matches_the_formula()
    {
        var events = new double[19];
        events[10] = 3;
        events[17] = 4;
        events[18] = 5;

        var estimate = DirectlyStandardisedRate.Calculate(events, Population, StandardPopulation.EuropeanStandard2013)
            .ToEstimate(ConfidenceLevel.Percent95);

        Approximately.Equal(1.2938165964364301, estimate.Value, 1e-12);
        Approximately.Interval(0.65674585115574961, 2.2771945934277125, estimate.Interval, 1e-9);
    }

    [Fact]
    public void Dsr_of_a_billion_events_and_of_tiny_populations_stays_finite_and_ordered()
    {
        // Populations shaped like ESP 2013 (100,000 × each weight) with 0.1 events per person: a billion events in all.
        var people = StandardPopulation.EuropeanStandard2013.Weights.ToArray().Select(w => w * 1e5).ToArray();
        var many = people.Select(n => n / 10).ToArray();
        var tiny = Enumerable.Repeat(1.0, 19).ToArray();

        var large = DirectlyStandardisedRate.Calculate(many, people, StandardPopulation.EuropeanStandard2013).ToEstimate(ConfidenceLevel.Percent95);
        var small = DirectlyStandardisedRate.Calculate(tiny, tiny, StandardPopulation.EuropeanStandard2013).ToEstimate(ConfidenceLevel.Percent95);

        // The DSR is 10,000 per 100,000 and, as the population has the standard's shape, the half-width is about z × DSR/√O.
        Approximately.Equal(10_000, large.Value, 1e-12);
        Approximately.Equal(1.959964 * 10_000 / Math.Sqrt(1e9), large.Value - large.Interval.Lower, 1e-3);
        Approximately.Equal(100_000, small.Value, 1e-12);
        Assert.True(small.Interval.Lower < small.Value && small.Value < small.Interval.Upper);
    }

    [Fact]
    public void A_band_with_no_population_is_an_error()
    {
        var population = (double[])Population.Clone();
        population[3] = 0;

        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            DirectlyStandardisedRate.Calculate(Deaths, population, StandardPopulation.EuropeanStandard2013));
        Assert.Contains("15-19", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Any_standard_population_may_be_used()
    {
        var bands = AgeBands.FromStartAges([0, 65]);
        var standard = StandardPopulation.Create(bands, [80, 20]);

        var estimate = DirectlyStandardisedRate.Calculate([10, 40], [1000, 500], standard, multiplier: 1000)
            .ToEstimate(ConfidenceLevel.Percent95);

        // 0.8 × 10/1000 + 0.2 × 40/500 = 0.024 per person.
        Approximately.Equal(24, estimate.Value, 1e-12);
        Assert.Equal(["0-64", "65+"], bands.Labels);
    }

    // ISR expected values evaluated from the published formulae to 25 digits (mpmath); the reference rates are the
    // Deaths/Population above.
    [Theory]
    [InlineData(95, 0.98052782299563022, 1.1275976211241681)]
    [InlineData(99.8, 0.94098229079585477, 1.1721671596828581)]
    public void Isr_divides_observed_by_expected_with_Byar_limits(double level, double lower, double upper)
    {
        double[] observed = [1, 0, 2, 1, 0, 3, 2, 4, 6, 9, 12, 20, 31, 40, 60, 90, 150, 170, 200];
        double[] population = [4000, 4200, 4300, 4100, 3900, 4000, 4500, 5000, 5200, 5100, 4800, 4600, 4000, 3500, 3000, 2600, 2000, 1200, 600];

        var isr = IndirectlyStandardisedRatio.Calculate(observed, population, Deaths, Population);
        var ratio = isr.Ratio(ConfidenceLevel.From(level));

        Assert.Equal(801, isr.Observed);
        Approximately.Equal(761.30605337483947, isr.Expected, 1e-12);
        Approximately.Equal(1.0521392762466538, ratio.Value, 1e-12);
        Approximately.Interval(lower, upper, ratio.Interval, 1e-9);
        Approximately.Equal(1249.4215662132485, isr.Rate(ConfidenceLevel.Percent95).Value, 1e-12);
    }

    [Fact]
    public void Isr_with_few_events_uses_exact_limits()
    {
        var isr = IndirectlyStandardisedRatio.FromTotals(observed: 1, expected: 2, referenceRate: 0.01);

        var ratio = isr.Ratio(ConfidenceLevel.Percent95, multiplier: 100);

        Approximately.Equal(50, ratio.Value);
        Approximately.Interval(0.025317807984289875 * 50, 5.5716433909388986 * 50, ratio.Interval, 1e-8);
    }

    [Fact]
    public void Isr_with_nothing_expected_is_an_error() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => IndirectlyStandardisedRatio.FromTotals(3, 0, 0.01));
}
