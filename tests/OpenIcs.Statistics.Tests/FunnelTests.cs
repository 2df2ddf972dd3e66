using System.Globalization;

namespace OpenIcs.Statistics.Tests;

public class FunnelTests
{
    private static readonly string DataFolder = Path.Combine(AppContext.BaseDirectory, "Data");

    [Fact]
    public void Proportion_funnel_matches_the_reference_test_data_at_all_100_points()
    {
        var (numerators, denominators, _) = ReadInputs();
        var expected = ReadCsv("funnel_prop_outputs.csv").Select(r => r.Select(Number).ToArray()).ToArray();

        var points = ProportionFunnel.Create(numerators, denominators);

        Assert.Equal(expected.Length, points.Count);
        for (var i = 0; i < points.Count; i++)
        {
            var row = expected[i];
            var point = points[i];
            Assert.Equal(row[0], point.Population);
            // The reference file holds 6 decimal places, hence the 5e-7 absolute allowance.
            Approximately.Equal(row[1], point.Limits95.Lower, absolute: 5e-7, what: $"lower 95% at {row[0]}");
            Approximately.Equal(row[2], point.Limits95.Upper, absolute: 5e-7, what: $"upper 95% at {row[0]}");
            Approximately.Equal(row[3], point.Limits998.Lower, absolute: 5e-7, what: $"lower 99.8% at {row[0]}");
            Approximately.Equal(row[4], point.Limits998.Upper, absolute: 5e-7, what: $"upper 99.8% at {row[0]}");
            Approximately.Equal(row[5], point.Baseline, absolute: 5e-7, what: "baseline");
        }
    }

    [Fact]
    public void Proportion_funnel_significance_matches_the_reference_for_every_area()
    {
        var (numerators, denominators, significance) = ReadInputs();
        var average = numerators.Sum() / denominators.Sum();

        for (var i = 0; i < numerators.Length; i++)
        {
            var expected = significance[i] switch
            {
                "High (0.001)" => FunnelSignificance.High998,
                "High (0.025)" => FunnelSignificance.High95,
                "Low (0.001)" => FunnelSignificance.Low998,
                "Low (0.025)" => FunnelSignificance.Low95,
                _ => FunnelSignificance.NotSignificant,
            };
            Assert.Equal(expected, FunnelLimits.ClassifyProportion(numerators[i], denominators[i], average));
        }
    }

    // Rows of PHEindicatormethods tests/testthat/testdata_funnel_rate_outputs.csv: baseline 116.1720835 per 100,000 over
    // 3 years; columns are events, then population per year and limit for lower 95%, upper 95%, lower 99.8%, upper 99.8%.
    [Theory]
    [InlineData(2, 2072.984403, 32.15975314, 69.49732367, 959.2695538, 3221.906682, 20.69168143, 13.02722321, 5117.48863)]
    [InlineData(10, 5276.757672, 63.17010446, 1375.943768, 242.2579623, 6924.776769, 48.13632908, 849.4639547, 392.4043292)]
    [InlineData(30, 12288.34267, 81.37793899, 5807.727562, 172.1843853, 14657.31486, 68.22532023, 4553.350694, 219.6184891)]
    [InlineData(302, 96998.02794, 103.7821787, 77154.59535, 130.473974, 103195.3143, 97.54964876, 72057.88032, 139.7025089)]
    [InlineData(1360, 411529.9259, 110.158048, 369759.5622, 122.6021934, 424043.2424, 106.9073359, 358342.3275, 126.5084525)]
    public void Rate_funnel_by_events_matches_the_reference_test_data(double events,
        double lowerPopulation95, double lower95, double upperPopulation95, double upper95,
        double lowerPopulation998, double lower998, double upperPopulation998, double upper998)
    {
        const double PerPerson = 116.1720835 / 100_000, Years = 3, Tolerance = 1e-6;
        var narrow = FunnelLimits.ForRateEvents(PerPerson, events, ConfidenceLevel.Percent95);
        var wide = FunnelLimits.ForRateEvents(PerPerson, events, ConfidenceLevel.Percent998);

        Approximately.Equal(lower95, narrow.LowerRate * 100_000, Tolerance, what: "lower 95%");
        Approximately.Equal(upper95, narrow.UpperRate * 100_000, Tolerance, what: "upper 95%");
        Approximately.Equal(lower998, wide.LowerRate * 100_000, Tolerance, what: "lower 99.8%");
        Approximately.Equal(upper998, wide.UpperRate * 100_000, Tolerance, what: "upper 99.8%");
        Approximately.Equal(lowerPopulation95, narrow.PopulationAtLower / Years, Tolerance, what: "population at lower 95%");
        Approximately.Equal(upperPopulation95, narrow.PopulationAtUpper / Years, Tolerance, what: "population at upper 95%");
        Approximately.Equal(lowerPopulation998, wide.PopulationAtLower / Years, Tolerance, what: "population at lower 99.8%");
        Approximately.Equal(upperPopulation998, wide.PopulationAtUpper / Years, Tolerance, what: "population at upper 99.8%");
    }

    [Fact]
    public void Rate_funnel_for_one_event_matches_the_reference_below_and_the_exact_chi_square_above()
    {
        const double PerPerson = 116.1720835 / 100_000;
        var narrow = FunnelLimits.ForRateEvents(PerPerson, 1, ConfidenceLevel.Percent95);
        var wide = FunnelLimits.ForRateEvents(PerPerson, 1, ConfidenceLevel.Percent998);

        // Reference row for 1 event: lower limits 20.85059119 and 12.58170943.
        Approximately.Equal(20.85059119, narrow.LowerRate * 100_000);
        Approximately.Equal(12.58170943, wide.LowerRate * 100_000);
        // The reference's upper limits for 1 event (4588.535848, 116108.569) are 4e-6 and 5e-5 below the exact values,
        // 116.1720835 / L, with L the exact lower limits of 1 event (mpmath): ours equal those.
        Approximately.Equal(116.1720835 / 0.025317807984289875, narrow.UpperRate * 100_000, 1e-9);
        Approximately.Equal(116.1720835 / 0.0010005003335835335, wide.UpperRate * 100_000, 1e-9);
        Approximately.Equal(4588.535848, narrow.UpperRate * 100_000, 1e-5);
    }

    [Fact]
    public void Rate_funnel_limits_are_the_exact_Poisson_limits_of_the_expected_count()
    {
        var limits = FunnelLimits.ForRate(averageRate: 0.001, population: 5000, ConfidenceLevel.Percent95);

        var exact = PoissonInterval.Exact(5, ConfidenceLevel.Percent95);
        Approximately.Interval(exact.Lower / 5000, exact.Upper / 5000, limits, 1e-12);
        Assert.True(limits.Contains(0.001));
    }

    [Fact]
    public void Funnel_limits_narrow_as_the_population_grows()
    {
        var small = FunnelLimits.ForProportion(0.3, 100, ConfidenceLevel.Percent998);
        var large = FunnelLimits.ForProportion(0.3, 10_000, ConfidenceLevel.Percent998);

        Assert.True(large.Width < small.Width);
        Assert.True(large.Contains(0.3) && small.Contains(0.3));
    }

    private static (double[] Numerators, double[] Denominators, string[] Significance) ReadInputs()
    {
        var rows = ReadCsv("funnel_prop_inputs.csv");
        return (rows.Select(r => Number(r[1])).ToArray(), rows.Select(r => Number(r[2])).ToArray(), rows.Select(r => r[3]).ToArray());
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    // The files quote only names containing commas, so splitting after the last quote is enough.
    private static List<string[]> ReadCsv(string file) =>
        File.ReadLines(Path.Combine(DataFolder, file)).Skip(1).Where(l => l.Length > 0).Select(line =>
        {
            var quoteEnd = line.LastIndexOf('"');
            var name = quoteEnd > 0 ? line[1..quoteEnd] : null;
            var fields = (quoteEnd > 0 ? line[(quoteEnd + 2)..] : line).Split(',');
            return name is null ? fields : [name, .. fields];
        }).ToList();
}
