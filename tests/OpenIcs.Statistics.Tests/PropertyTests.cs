using CsCheck;

namespace OpenIcs.Statistics.Tests;

public class PropertyTests
{
    private static readonly Gen<(int Numerator, int Denominator)> Counts =
        Gen.Int[1, 1_000_000].SelectMany(n => Gen.Int[0, n].Select(x => (x, n)));

    [Fact]
    public void Wilson_intervals_contain_the_proportion_and_widen_as_confidence_rises() =>
        Counts.Sample(c =>
        {
            var narrow = Proportion.Calculate(c.Numerator, c.Denominator, ConfidenceLevel.Percent95);
            var wide = Proportion.Calculate(c.Numerator, c.Denominator, ConfidenceLevel.Percent998);
            return narrow.Interval.Contains(narrow.Value)
                && wide.Interval.Lower <= narrow.Interval.Lower && wide.Interval.Upper >= narrow.Interval.Upper
                && wide.Interval.Width > narrow.Interval.Width
                && narrow.Interval.Lower >= 0 && narrow.Interval.Upper <= 1;
        });

    [Fact]
    public void Wilson_intervals_shrink_as_counts_grow() =>
        Gen.Int[1, 99_999].SelectMany(n => Gen.Int[0, n].Select(x => (Numerator: x, Denominator: n))).Sample(c =>
        {
            var small = Proportion.WilsonInterval(c.Numerator, c.Denominator, ConfidenceLevel.Percent95);
            var large = Proportion.WilsonInterval(c.Numerator * 10.0, c.Denominator * 10.0, ConfidenceLevel.Percent95);
            return large.Width < small.Width;
        });

    [Fact]
    public void Poisson_intervals_contain_the_count_widen_with_confidence_and_narrow_relatively_as_counts_grow() =>
        Gen.Double[0, 1e9].Sample(count =>
        {
            var narrow = PoissonInterval.ForCount(count, ConfidenceLevel.Percent95);
            var wide = PoissonInterval.ForCount(count, ConfidenceLevel.Percent998);
            var bigger = PoissonInterval.ForCount((count * 4) + 40, ConfidenceLevel.Percent95);
            Assert.True(narrow.Contains(count), $"{count:R} outside {narrow}");
            Assert.True(wide.Lower <= narrow.Lower && wide.Upper > narrow.Upper, $"{count:R}: {wide} not wider than {narrow}");
            Assert.True(bigger.Width / ((count * 4) + 40) < narrow.Width / Math.Max(count, 1), $"{count:R}: relative width did not shrink");
        });

    [Fact]
    public void Dsr_of_a_population_shaped_like_the_standard_equals_its_crude_rate() =>
        Gen.Select(Gen.Int[0, 5000].Array[19], Gen.Double[0.01, 1000]).Sample((events, scale) =>
        {
            var weights = StandardPopulation.EuropeanStandard2013.Weights;
            var population = new double[19];
            for (var i = 0; i < 19; i++)
            {
                population[i] = weights[i] * scale;
            }

            var counts = events.Select(e => (double)e).ToArray();
            var dsr = DirectlyStandardisedRate.Calculate(counts, population, StandardPopulation.EuropeanStandard2013);
            var crude = counts.Sum() / population.Sum() * 100_000;
            return counts.Sum() < 10
                ? double.IsNaN(dsr.Rate)
                : Math.Abs(dsr.Rate - crude) <= 1e-9 * Math.Max(crude, 1e-300) && dsr.ToEstimate(ConfidenceLevel.Percent95).Interval.Contains(crude);
        });

    [Fact]
    public void Dsr_intervals_widen_as_confidence_rises() =>
        Gen.Int[1, 5000].Array[19].Sample(events =>
        {
            var counts = events.Select(e => (double)e).ToArray();
            var dsr = DirectlyStandardisedRate.Calculate(counts, StandardisationTests.Population, StandardPopulation.EuropeanStandard2013);
            var narrow = dsr.ToEstimate(ConfidenceLevel.Percent95).Interval;
            var wide = dsr.ToEstimate(ConfidenceLevel.Percent998).Interval;
            return wide.Lower < narrow.Lower && wide.Upper > narrow.Upper && narrow.Contains(dsr.Rate);
        });

    [Fact]
    public void Quantiles_are_balanced_within_one_area_and_ordered_by_score() =>
        Gen.Double[-1000, 1000].Array[10, 500].Sample(scores =>
        {
            var deciles = Quantile.Assign(scores, 10, invert: false);
            var order = Enumerable.Range(0, scores.Length).OrderBy(i => scores[i]).ToArray();
            for (var k = 1; k < order.Length; k++)
            {
                if (deciles[order[k]] < deciles[order[k - 1]])
                {
                    return false;
                }
            }

            return deciles.All(d => d is >= 1 and <= 10);
        });
}
