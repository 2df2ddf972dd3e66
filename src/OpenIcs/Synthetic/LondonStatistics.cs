using OpenIcs.Places;

namespace OpenIcs.Synthetic;

/// <summary>The public figures the synthetic population is calibrated to, read from <c>data/reference</c>.</summary>
/// <remarks>Boroughs are indexed in code order (0 = City of London); sex 0 is female, 1 male (as <see cref="Sex"/>);
/// single-year ages run 0 to 90, the last meaning 90 and over; broad bands are the LSOA file's 0-15, 16-29, 30-44,
/// 45-64 and 65+.</remarks>
internal sealed class LondonStatistics
{
    /// <summary>The oldest single year in the Census table (90 means 90 and over).</summary>
    public const int OldestAge = 90;

    /// <summary>Broad age bands of the small-area estimates.</summary>
    public const int BroadBands = 5;

    private static readonly string[] BroadBandSuffix = ["0-15", "16-29", "30-44", "45-64", "65+"];

    private LondonStatistics(LondonPlaces places) => Places = places;

    /// <summary>Places and organisations.</summary>
    public LondonPlaces Places { get; }

    /// <summary>Boroughs in code order.</summary>
    public Borough[] Boroughs { get; private set; } = [];

    /// <summary>LSOAs in code order.</summary>
    public Lsoa[] Lsoas { get; private set; } = [];

    /// <summary>Index of each LSOA's borough.</summary>
    public int[] LsoaBorough { get; private set; } = [];

    /// <summary>Mid-2020 residents of each LSOA by [sex * 5 + broad band].</summary>
    public int[][] LsoaResidents { get; private set; } = [];

    /// <summary>Census 2021 residents by borough, [sex * 91 + single year of age].</summary>
    public int[][] CensusResidents { get; private set; } = [];

    /// <summary>Census 2021 residents by borough and ethnic group (TS021).</summary>
    public int[][] Ethnicity { get; private set; } = [];

    /// <summary>Modelled QOF 2019/20 prevalence (a fraction) by register code and IMD decile 1–10 (index 0–9).</summary>
    public Dictionary<string, double[]> QofByDecile { get; } = new(StringComparer.Ordinal);

    /// <summary>Modelled QOF 2019/20 prevalence (a fraction) by register code and borough index.</summary>
    public Dictionary<string, double[]> QofByBorough { get; } = new(StringComparer.Ordinal);

    /// <summary>UK 2017–2019 central death rates m(x) by [sex][age 0–100].</summary>
    public double[][] DeathRates { get; private set; } = [];

    /// <summary>For practices without a single borough, the boroughs their CCG covered.</summary>
    public Dictionary<string, BoroughCode[]> PracticeCandidateBoroughs { get; } = new(StringComparer.Ordinal);

    /// <summary>The broad band (0–4) of a single year of age.</summary>
    public static int BroadBand(int age) => age switch
    {
        < 16 => 0,
        < 30 => 1,
        < 45 => 2,
        < 65 => 3,
        _ => 4,
    };

    /// <summary>Reads and cross-checks everything in <paramref name="folder"/>.</summary>
    /// <exception cref="ReferenceDataException">A file is missing or malformed.</exception>
    public static LondonStatistics Load(string folder)
    {
        var places = LondonReferenceData.Load(folder);
        var statistics = new LondonStatistics(places)
        {
            Boroughs = [.. places.Boroughs.OrderBy(b => b.Code.Value, StringComparer.Ordinal)],
        };
        var boroughIndex = statistics.Boroughs.Select((b, i) => (b.Code, i)).ToDictionary(x => x.Code, x => x.i);
        statistics.Lsoas = [.. places.Lsoas.OrderBy(l => l.Code.Value, StringComparer.Ordinal)];
        statistics.LsoaBorough = [.. statistics.Lsoas.Select(l => boroughIndex[l.Borough])];
        statistics.LsoaResidents = ReadLsoaResidents(Path.Combine(folder, "london_population_mid2020_lsoa.csv"), statistics.Lsoas);
        statistics.CensusResidents = ReadSingleYear(Path.Combine(folder, "london_population_census2021_lad_sex_single_year.csv"), boroughIndex);
        statistics.Ethnicity = ReadEthnicity(Path.Combine(folder, "london_ethnicity_census2021_borough.csv"), boroughIndex);
        ReadQof(Path.Combine(folder, "london_qof_prevalence_2019_20_by_imd_decile_modelled.csv"), "imd2019_decile", 10,
            csv => csv.WholeNumber("imd2019_decile", 1, 10) - 1, statistics.QofByDecile);
        ReadQof(Path.Combine(folder, "london_qof_prevalence_2019_20_borough_modelled.csv"), "lad_code", boroughIndex.Count,
            csv => boroughIndex[csv.Code<BoroughCode>("lad_code", BoroughCode.TryParse, BoroughCode.Rule)], statistics.QofByBorough);
        statistics.DeathRates = ReadLifeTable(Path.Combine(folder, "uk_national_life_table_2017_2019.csv"));
        ReadPracticeCandidates(Path.Combine(folder, "london_gp_practices.csv"), boroughIndex, statistics.PracticeCandidateBoroughs);
        return statistics;
    }

    private static int[][] ReadLsoaResidents(string path, Lsoa[] lsoas)
    {
        var columns = new List<string> { "LSOA11CD" };
        foreach (var sex in new[] { "Females_", "Males_" })
            columns.AddRange(BroadBandSuffix.Select(b => sex + b));
        using var csv = ReferenceCsv.Open(path, [.. columns]);
        var byCode = new Dictionary<LsoaCode, int[]>();
        while (csv.Read())
        {
            var code = csv.Code<LsoaCode>("LSOA11CD", LsoaCode.TryParse, LsoaCode.Rule);
            byCode[code] = [.. columns.Skip(1).Select(c => csv.WholeNumber(c))];
        }

        return [.. lsoas.Select(l => byCode.TryGetValue(l.Code, out var row) ? row
            : throw new ReferenceDataException(csv.FileName, $"{l.Code} has no row."))];
    }

    private static int[][] ReadSingleYear(string path, Dictionary<BoroughCode, int> boroughIndex)
    {
        using var csv = ReferenceCsv.Open(path, "lad_code", "sex", "age", "population_census2021");
        var table = new int[boroughIndex.Count][];
        for (var b = 0; b < table.Length; b++)
            table[b] = new int[2 * (OldestAge + 1)];
        var seen = new HashSet<(int, int, int)>();
        while (csv.Read())
        {
            var borough = Borough(csv, "lad_code", boroughIndex);
            var sex = csv.Text("sex") switch
            {
                "female" => 0,
                "male" => 1,
                var other => throw csv.Error("sex", $"'{other}' is neither female nor male."),
            };
            var ageText = csv.Text("age");
            var age = ageText == "90+" ? OldestAge : csv.WholeNumber("age", 0, OldestAge - 1);
            if (!seen.Add((borough, sex, age)))
                throw csv.Error("age", $"{ageText} appears twice for this borough and sex.");
            table[borough][(sex * (OldestAge + 1)) + age] = csv.WholeNumber("population_census2021");
        }

        if (seen.Count != boroughIndex.Count * 2 * (OldestAge + 1))
            throw new ReferenceDataException(csv.FileName, $"expected {boroughIndex.Count * 2 * (OldestAge + 1)} rows (33 boroughs x 2 sexes x 91 ages), found {seen.Count}.");
        return table;
    }

    private static int[][] ReadEthnicity(string path, Dictionary<BoroughCode, int> boroughIndex)
    {
        var columns = Enumerable.Range(0, EthnicGroups.Count).Select(g => EthnicGroups.Column((EthnicGroup)g)).ToArray();
        using var csv = ReferenceCsv.Open(path, ["lad_code", .. columns]);
        var table = new int[boroughIndex.Count][];
        while (csv.Read())
        {
            var borough = Borough(csv, "lad_code", boroughIndex);
            table[borough] = [.. columns.Select(c => csv.WholeNumber(c))];
        }

        var missing = Array.FindIndex(table, row => row is null);
        return missing < 0 ? table : throw new ReferenceDataException(csv.FileName, $"borough {missing + 1} of 33 has no row.");
    }

    private static void ReadQof(string path, string keyColumn, int keys, Func<ReferenceCsv, int> key, Dictionary<string, double[]> into)
    {
        using var csv = ReferenceCsv.Open(path, keyColumn, "qof_group_code", "prevalence_pct");
        while (csv.Read())
        {
            var group = csv.Text("qof_group_code");
            if (!into.TryGetValue(group, out var row))
                into[group] = row = Enumerable.Repeat(double.NaN, keys).ToArray();
            var percent = csv.Number("prevalence_pct");
            if (percent is < 0 or > 100)
                throw csv.Error("prevalence_pct", $"{percent} is not a percentage.");
            row[key(csv)] = percent / 100;
        }

        foreach (var (group, row) in into)
        {
            if (row.Any(double.IsNaN))
                throw new ReferenceDataException(csv.FileName, $"register {group} lacks a value for some {keyColumn}.");
        }
    }

    private static double[][] ReadLifeTable(string path)
    {
        using var csv = ReferenceCsv.Open(path, "age", "sex", "mx");
        var rates = new[] { new double[101], new double[101] };
        var seen = 0;
        while (csv.Read())
        {
            var sex = csv.Text("sex") switch
            {
                "female" => 0,
                "male" => 1,
                var other => throw csv.Error("sex", $"'{other}' is neither female nor male."),
            };
            var mx = csv.Number("mx");
            if (mx is <= 0 or > 2)
                throw csv.Error("mx", $"{mx} is not a central death rate (0 < m(x) <= 2).");
            rates[sex][csv.WholeNumber("age", 0, 100)] = mx;
            seen++;
        }

        return seen == 202 ? rates : throw new ReferenceDataException(csv.FileName, $"expected 202 rows (ages 0-100 x 2 sexes), found {seen}.");
    }

    private static void ReadPracticeCandidates(string path, Dictionary<BoroughCode, int> boroughIndex, Dictionary<string, BoroughCode[]> into)
    {
        using var csv = ReferenceCsv.Open(path, "practice_code", "lad_code", "lad_candidates");
        while (csv.Read())
        {
            if (csv.OptionalText("lad_code") is not null || csv.OptionalText("lad_candidates") is not { } candidates)
                continue;
            var codes = candidates.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(c => BoroughCode.TryParse(c, out var code) && boroughIndex.ContainsKey(code) ? code
                    : throw csv.Error("lad_candidates", BoroughCode.Rule(c)))
                .ToArray();
            into[csv.Text("practice_code")] = codes;
        }
    }

    private static int Borough(ReferenceCsv csv, string column, Dictionary<BoroughCode, int> boroughIndex)
    {
        var code = csv.Code<BoroughCode>(column, BoroughCode.TryParse, BoroughCode.Rule);
        return boroughIndex.TryGetValue(code, out var index) ? index : throw csv.Error(column, $"{code} is not in london_boroughs.csv.");
    }
}
