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
