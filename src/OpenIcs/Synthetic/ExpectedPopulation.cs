namespace OpenIcs.Synthetic;

/// <summary>London's expected residents (full scale, no sampling) by IMD decile, sex, single year of age and ethnic group.</summary>
/// <remarks>Census 2021 borough × sex × age, spread over each borough's LSOAs by their mid-2020 residents of that sex and
/// broad band, with the ethnicity model on top. Parameters are fitted to this table, never to a sample, so they do not
/// depend on scale or seed.</remarks>
internal sealed class ExpectedPopulation
{
    /// <summary>Single years 0–90 (90 = 90 and over).</summary>
    public const int Ages = LondonStatistics.OldestAge + 1;

    private readonly double[] _residents;

    private ExpectedPopulation(double[] residents) => _residents = residents;

    /// <summary>Expected residents of decile 1–10, sex (0 female, 1 male), age 0–90 and ethnic group.</summary>
    public double Residents(int decile, int sex, int age, int group) =>
        _residents[Index(decile - 1, sex, age, group)];

    /// <summary>Expected residents of a decile and sex, all ages and groups.</summary>
    public double Residents(int decile, int sex)
    {
        double total = 0;
        for (var age = 0; age < Ages; age++)
        {
            for (var group = 0; group < EthnicGroups.Count; group++)
                total += Residents(decile, sex, age, group);
        }

        return total;
    }

    /// <summary>Builds the table from the reference statistics and the fitted ethnicity model.</summary>
    public static ExpectedPopulation Build(LondonStatistics statistics, EthnicityModel ethnicity)
    {
        var residents = new double[10 * 2 * Ages * EthnicGroups.Count];
        var lsoasByBorough = Enumerable.Range(0, statistics.Boroughs.Length)
            .Select(b => Enumerable.Range(0, statistics.Lsoas.Length).Where(l => statistics.LsoaBorough[l] == b).ToArray())
            .ToArray();
        var shares = new double[EthnicGroups.Count];
        for (var b = 0; b < statistics.Boroughs.Length; b++)
        {
            for (var sex = 0; sex < 2; sex++)
            {
                for (var age = 0; age < Ages; age++)
                {
                    var census = statistics.CensusResidents[b][(sex * Ages) + age];
                    if (census == 0)
                        continue;
                    var band = LondonStatistics.BroadBand(age);
                    double total = lsoasByBorough[b].Sum(l => (double)statistics.LsoaResidents[l][(sex * LondonStatistics.BroadBands) + band]);
                    foreach (var l in lsoasByBorough[b])
                    {
                        var weight = statistics.LsoaResidents[l][(sex * LondonStatistics.BroadBands) + band];
                        if (weight == 0)
                            continue;
                        var decile = statistics.Lsoas[l].ImdDecile;
                        for (var group = 0; group < EthnicGroups.Count; group++)
                            shares[group] = ethnicity.Probability(b, decile, band, (EthnicGroup)group);
                        var people = census * weight / total;
                        for (var group = 0; group < EthnicGroups.Count; group++)
                            residents[Index(decile - 1, sex, age, group)] += people * shares[group];
                    }
                }
            }
        }

        return new ExpectedPopulation(residents);
    }

    private static int Index(int decileIndex, int sex, int age, int group) =>
        (((((decileIndex * 2) + sex) * Ages) + age) * EthnicGroups.Count) + group;
}
