namespace OpenIcs.Places;

/// <summary>A neighbourhood (2011 LSOA) with its English Indices of Deprivation 2019 position.</summary>
/// <param name="Code">ONS code.</param>
/// <param name="Name">ONS name, e.g. "Hackney 001A".</param>
/// <param name="Borough">The local authority it lies in.</param>
/// <param name="ImdScore">IMD 2019 overall score; higher is more deprived.</param>
/// <param name="ImdRank">Rank among England's 32,844 LSOAs; 1 is the most deprived.</param>
/// <param name="ImdDecile">National decile, 1 (most deprived 10%) to 10 (least deprived).</param>
/// <param name="IncomeScorePercent">Income domain: percentage of residents income-deprived.</param>
/// <param name="EmploymentScorePercent">Employment domain: percentage of working-age residents employment-deprived.</param>
/// <param name="PopulationMid2020">ONS mid-2020 small-area population estimate.</param>
public sealed record Lsoa(
    LsoaCode Code,
    string Name,
    BoroughCode Borough,
    double ImdScore,
    int ImdRank,
    int ImdDecile,
    double? IncomeScorePercent,
    double? EmploymentScorePercent,
    int PopulationMid2020);
