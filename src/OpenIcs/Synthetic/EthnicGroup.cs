namespace OpenIcs.Synthetic;

/// <summary>The 19 ethnic groups of Census 2021 (TS021), in the order of the reference file's detailed columns.</summary>
internal enum EthnicGroup
{
    Bangladeshi,
    Chinese,
    Indian,
    Pakistani,
    OtherAsian,
    African,
    Caribbean,
    OtherBlack,
    MixedWhiteAsian,
    MixedWhiteBlackAfrican,
    MixedWhiteBlackCaribbean,
    OtherMixed,
    WhiteBritish,
    WhiteIrish,
    GypsyOrIrishTraveller,
    Roma,
    OtherWhite,
    Arab,
    OtherEthnicGroup,
}

/// <summary>How each Census 2021 group is coded in the record, and how it tilts by age and deprivation within a borough.</summary>
/// <remarks>
/// NHS ethnic category codes (NHS Data Dictionary, 2001 Census based; the UK Core England code system): Census 2021 added
/// Roma and moved Arab into "other"; Gypsy or Irish Traveller and Roma are coded C (any other White background) and Arab is
/// coded S. Age and deprivation tilts are the generator's assumptions, set to reproduce directions published by ONS
/// ("Ethnic group by age and sex, England and Wales: Census 2021": Mixed, Bangladeshi and Pakistani groups are youngest,
/// White Irish and White British oldest) and MHCLG ("People living in deprived neighbourhoods", Ethnicity facts and
/// figures, IMD 2019: Pakistani, Bangladeshi, Black and Arab residents are over-represented in the most deprived
/// neighbourhoods, White British, Indian and Chinese residents less so). Borough totals are raked back to TS021 exactly.
/// </remarks>
internal static class EthnicGroups
{
    /// <summary>How many groups there are.</summary>
    public const int Count = 19;

    /// <summary>The UK Core England ethnic category code system.</summary>
    public const string CodeSystem = "https://fhir.hl7.org.uk/CodeSystem/UKCore-EthnicCategoryEngland";

    /// <summary>The UK Core ethnic category extension on Patient.</summary>
    public const string Extension = "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-EthnicCategory";

    private static readonly Info[] All =
    [
        new("asian_bangladeshi", "K", "Asian or Asian British - Bangladeshi", Broad.Asian, -0.45, 0.55),
        new("asian_chinese", "R", "Other Ethnic Groups - Chinese", Broad.Asian, -0.1, -0.1),
        new("asian_indian", "H", "Asian or Asian British - Indian", Broad.Asian, 0.05, -0.2),
        new("asian_pakistani", "J", "Asian or Asian British - Pakistani", Broad.Asian, -0.35, 0.45),
        new("asian_other_asian", "L", "Asian or Asian British - Any other Asian background", Broad.Asian, 0.0, 0.1),
        new("black_african", "N", "Black or Black British - African", Broad.Black, -0.2, 0.5),
        new("black_caribbean", "M", "Black or Black British - Caribbean", Broad.Black, 0.35, 0.5),
        new("black_other_black", "P", "Black or Black British - Any other Black background", Broad.Black, -0.55, 0.5),
        new("mixed_white_and_asian", "F", "Mixed - White and Asian", Broad.Mixed, -1.0, -0.05),
        new("mixed_white_and_black_african", "E", "Mixed - White and Black African", Broad.Mixed, -1.0, 0.3),
        new("mixed_white_and_black_caribbean", "D", "Mixed - White and Black Caribbean", Broad.Mixed, -0.9, 0.4),
        new("mixed_other_mixed", "G", "Mixed - Any other mixed background", Broad.Mixed, -0.9, 0.05),
        new("white_english_welsh_scottish_northern_irish_british", "A", "White - British", Broad.White, 0.45, -0.35),
        new("white_irish", "B", "White - Irish", Broad.White, 0.75, -0.2),
        new("white_gypsy_or_irish_traveller", "C", "White - Any other White background", Broad.White, -0.2, 0.8),
        new("white_roma", "C", "White - Any other White background", Broad.White, -0.3, 0.6),
        new("white_other_white", "C", "White - Any other White background", Broad.White, 0.0, 0.0),
        new("other_arab", "S", "Other Ethnic Groups - Any other ethnic group", Broad.Other, -0.3, 0.55),
        new("other_any_other_ethnic_group", "S", "Other Ethnic Groups - Any other ethnic group", Broad.Other, -0.05, 0.3),
    ];

    /// <summary>The five high-level Census groups.</summary>
    public enum Broad
    {
        White,
        Mixed,
        Asian,
        Black,
        Other,
    }

    /// <summary>The TS021 column holding the group's residents.</summary>
    public static string Column(EthnicGroup group) => All[(int)group].Column;

    /// <summary>The NHS ethnic category code (A–S).</summary>
    public static string NhsCode(EthnicGroup group) => All[(int)group].NhsCode;

    /// <summary>The NHS ethnic category display.</summary>
    public static string Display(EthnicGroup group) => All[(int)group].Display;

    /// <summary>The high-level group.</summary>
    public static Broad BroadGroup(EthnicGroup group) => All[(int)group].BroadGroup;

    /// <summary>Log-relative weight per unit of standardised age (positive: an older age profile).</summary>
    public static double AgeTilt(EthnicGroup group) => All[(int)group].AgeTilt;

    /// <summary>Log-relative weight per unit of standardised deprivation (positive: more often in deprived LSOAs).</summary>
    public static double DeprivationTilt(EthnicGroup group) => All[(int)group].DeprivationTilt;

    private sealed record Info(string Column, string NhsCode, string Display, Broad BroadGroup, double AgeTilt, double DeprivationTilt);
}
