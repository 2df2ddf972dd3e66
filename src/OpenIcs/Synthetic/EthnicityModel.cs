namespace OpenIcs.Synthetic;

/// <summary>The chance of each ethnic group for a resident of a borough, IMD decile and broad age band.</summary>
/// <remarks>
/// Within each borough the Census 2021 (TS021) shares are tilted by age and deprivation (see <see cref="EthnicGroups"/>),
/// then raked (iterative proportional fitting over the borough's decile × age cells, weighted by its Census residents as
/// the plan spreads them over LSOAs) so that the borough's expected composition equals TS021 again. The tilts therefore move groups between
/// neighbourhoods and ages inside a borough but never change the borough totals.
/// </remarks>
internal sealed class EthnicityModel
{
    private static readonly double[] BandMidAge = [8, 22.5, 37, 54.5, 75];

    private readonly double[][] _cumulative;

    private EthnicityModel(double[][] cumulative) => _cumulative = cumulative;

    /// <summary>Fits the model to <paramref name="statistics"/>.</summary>
    public static EthnicityModel Fit(LondonStatistics statistics)
    {
        // The borough's residents by decile and broad band exactly as the plan places them: Census 2021 single years,
        // spread over the borough's LSOAs by their mid-2020 residents of that sex and band.
        var boroughs = statistics.Boroughs.Length;
        var cells = new double[boroughs][];
        for (var b = 0; b < boroughs; b++)
            cells[b] = new double[10 * LondonStatistics.BroadBands];
        var lsoasByBorough = Enumerable.Range(0, boroughs)
            .Select(b => Enumerable.Range(0, statistics.Lsoas.Length).Where(l => statistics.LsoaBorough[l] == b).ToArray()).ToArray();
        for (var b = 0; b < boroughs; b++)
        {
            for (var sex = 0; sex < 2; sex++)
            {
                for (var k = 0; k < LondonStatistics.BroadBands; k++)
                {
                    double census = 0;
                    for (var age = 0; age <= LondonStatistics.OldestAge; age++)
                        census += LondonStatistics.BroadBand(age) == k ? statistics.CensusResidents[b][(sex * (LondonStatistics.OldestAge + 1)) + age] : 0;
                    double total = lsoasByBorough[b].Sum(l => (double)statistics.LsoaResidents[l][(sex * LondonStatistics.BroadBands) + k]);
                    if (total <= 0)
                        continue;
                    foreach (var l in lsoasByBorough[b])
                        cells[b][((statistics.Lsoas[l].ImdDecile - 1) * LondonStatistics.BroadBands) + k] += census * statistics.LsoaResidents[l][(sex * LondonStatistics.BroadBands) + k] / total;
                }
            }
        }

        var cumulative = new double[boroughs * 10 * LondonStatistics.BroadBands][];
        var tilt = new double[10 * LondonStatistics.BroadBands * EthnicGroups.Count];
        for (var d = 0; d < 10; d++)
        {
            var deprivation = (5.5 - (d + 1)) / 4.5;
            for (var k = 0; k < LondonStatistics.BroadBands; k++)
            {
                var age = (BandMidAge[k] - 38) / 20;
                for (var e = 0; e < EthnicGroups.Count; e++)
                {
                    var group = (EthnicGroup)e;
                    tilt[(((d * LondonStatistics.BroadBands) + k) * EthnicGroups.Count) + e] =
                        Math.Exp((EthnicGroups.DeprivationTilt(group) * deprivation) + (EthnicGroups.AgeTilt(group) * age));
                }
            }
        }

        for (var b = 0; b < boroughs; b++)
        {
            var counts = statistics.Ethnicity[b];
            double total = counts.Sum();
            var factor = counts.Select(c => c / total).ToArray();
            var share = (double[])factor.Clone();
            var probabilities = new double[10 * LondonStatistics.BroadBands * EthnicGroups.Count];
            for (var iteration = 0; iteration < 60; iteration++)
            {
                var expected = new double[EthnicGroups.Count];
                double weight = 0;
                for (var cell = 0; cell < 10 * LondonStatistics.BroadBands; cell++)
                {
                    var population = cells[b][cell];
                    double sum = 0;
                    for (var e = 0; e < EthnicGroups.Count; e++)
                        sum += probabilities[(cell * EthnicGroups.Count) + e] = factor[e] * tilt[(cell * EthnicGroups.Count) + e];
                    for (var e = 0; e < EthnicGroups.Count; e++)
                    {
                        probabilities[(cell * EthnicGroups.Count) + e] /= sum;
                        expected[e] += population * probabilities[(cell * EthnicGroups.Count) + e];
                    }

                    weight += population;
                }

                for (var e = 0; e < EthnicGroups.Count; e++)
                {
                    if (expected[e] > 0)
                        factor[e] *= share[e] * weight / expected[e];
                }
            }

            for (var cell = 0; cell < 10 * LondonStatistics.BroadBands; cell++)
            {
                var running = new double[EthnicGroups.Count];
                double sum = 0;
                for (var e = 0; e < EthnicGroups.Count; e++)
                    running[e] = sum += probabilities[(cell * EthnicGroups.Count) + e];
                cumulative[(b * 10 * LondonStatistics.BroadBands) + cell] = running;
            }
        }

        return new EthnicityModel(cumulative);
    }

    /// <summary>The probability of <paramref name="group"/> for a resident of this borough, decile (1–10) and broad band.</summary>
    public double Probability(int borough, int decile, int band, EthnicGroup group)
    {
        var running = Cumulative(borough, decile, band);
        var e = (int)group;
        return (running[e] - (e == 0 ? 0 : running[e - 1])) / running[^1];
    }

    /// <summary>Draws a group for a resident of this borough, decile (1–10) and broad band.</summary>
    public EthnicGroup Draw(int borough, int decile, int band, ref RandomStream random) =>
        (EthnicGroup)random.Pick(Cumulative(borough, decile, band));

    private double[] Cumulative(int borough, int decile, int band) =>
        _cumulative[(((borough * 10) + decile - 1) * LondonStatistics.BroadBands) + band];
}
